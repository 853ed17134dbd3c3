namespace DossierTracker.Api.Importing;

/// <summary>One line of the file: its number (from 1), its bytes without the line break, and where the next line starts.</summary>
public sealed record FileLine(long Number, byte[] Bytes, long EndOffset);

/// <summary>
/// Reads a file line by line from a byte offset, keeping exact offsets (a text reader's buffering hides them), so a
/// checkpoint can name the byte where an import continues.
/// </summary>
public sealed class JsonLines : IDisposable
{
    private const int BufferSize = 1 << 20;
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private readonly FileStream _stream;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _start, _end;
    private long _offset, _lineNumber;

    /// <param name="offset">A line start: 0, or a checkpoint's offset.</param>
    /// <param name="linesBefore">How many lines lie before <paramref name="offset"/>.</param>
    public JsonLines(string path, long offset, long linesBefore)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        _stream.Position = _offset = offset;
        _lineNumber = linesBefore;
    }

    public long Length => _stream.Length;

    public FileLine? Next()
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0) return Take(newline - _start, newline - _start + 1);
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                (_end, _start) = (_end - _start, 0);
            }
            if (_end == _buffer.Length) throw new ImportFileException(_lineNumber + 1, $"the line is longer than {BufferSize:N0} bytes.");
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0) return _end > _start ? Take(_end - _start, _end - _start) : null;
            _end += read;
        }
    }

    private FileLine Take(int length, int consumed)
    {
        var content = _buffer.AsSpan(_start, length);
        if (_offset == 0 && content.StartsWith(Utf8Bom)) content = content[Utf8Bom.Length..];
        if (content.EndsWith("\r"u8)) content = content[..^1];
        _start += consumed;
        _offset += consumed;
        return new FileLine(++_lineNumber, content.ToArray(), _offset);
    }

    public void Dispose() => _stream.Dispose();
}

/// <summary>The import cannot run (or go on); the message says why, for the person at the command line.</summary>
public class ImportRefusedException(string message) : Exception(message);

/// <summary>The file cannot be imported as it is (not JSON lines of events); names the line.</summary>
public sealed class ImportFileException(long line, string message) : ImportRefusedException($"line {line}: {message}")
{
    public long Line { get; } = line;
}
