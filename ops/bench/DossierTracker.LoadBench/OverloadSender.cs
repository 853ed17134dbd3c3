using System.Buffers.Text;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace DossierTracker.LoadBench;

/// <summary>
/// The overload's open-loop sender: raw HTTP/1.1 over connections opened beforehand (OVERLOAD_CONNECTIONS, default
/// 4096), so that twice the sustainable rate leaves on time from the same two cores and the backlog sits in the
/// tracker, not here. Each connection takes the next request number, waits for its due instant (n / rate), sends a
/// request pre-serialised into its own buffer (only the dossier's number changes) and reads the answer: no per-request
/// allocations of note, no HttpClient pool to queue in. A request that found no connection free at its due instant
/// leaves late; how late is recorded apart from the answer's latency, so the harness's lateness can be told from the
/// tracker's.
/// </summary>
public sealed class OverloadSender(Uri url, string ingestKey, string bodyTemplate, int connections)
{
    /// <summary>The run's dossier numbers, written into the template's placeholder: fixed width, so the length never changes.</summary>
    public const string Placeholder = "#########";
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    /// <summary>Far beyond the 2 s goal, so a request the tracker holds is seen as late, not cut off by the client.</summary>
    public static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(30);

    public static int ConnectionsFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable("OVERLOAD_CONNECTIONS"), out var n) && n > 0 ? n : 4096;

    public async Task<IReadOnlyList<OverloadAnswer>> RunAsync(double ratePerSecond, TimeSpan duration)
    {
        var sockets = new Socket[connections];
        for (var i = 0; i < connections; i++) sockets[i] = await ConnectAsync();
        var answers = new OverloadAnswer[(int)Math.Ceiling(ratePerSecond * duration.TotalSeconds)];
        long next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(sockets.Select((socket, i) => Task.Run(() => ConnectionAsync(socket, clock, ratePerSecond, answers, () => Interlocked.Increment(ref next)))));
        return answers;
    }

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(url.Host, url.Port);
        return socket;
    }

    private async Task ConnectionAsync(Socket socket, Stopwatch clock, double rate, OverloadAnswer[] answers, Func<long> take)
    {
        var request = Encoding.ASCII.GetBytes(
            $"POST /api/events HTTP/1.1\r\nHost: {url.Authority}\r\nAuthorization: Bearer {ingestKey}\r\nContent-Type: application/json\r\n"
            + $"Content-Length: {Encoding.UTF8.GetByteCount(bodyTemplate)}\r\n\r\n{bodyTemplate}");
        var places = Places(request);
        var response = new byte[16 * 1024];
        var timeout = new CancellationTokenSource();
        try
        {
            for (var n = take(); n < answers.Length; n = take())
            {
                var due = TimeSpan.FromSeconds(n / rate);
                if (due - clock.Elapsed is { Ticks: > 0 } wait) await Task.Delay(wait);
                foreach (var place in places) Number(request, place, n);
                var sent = clock.Elapsed;
                int status;
                bool retryAfter;
                timeout.CancelAfter(ClientTimeout);
                try
                {
                    await socket.SendAsync(request, SocketFlags.None, timeout.Token);
                    (status, retryAfter, var close) = await ReadAnswerAsync(socket, response, timeout.Token);
                    if (close) socket = await ReconnectAsync(socket);
                }
                catch (Exception e) when (e is SocketException or IOException or InvalidDataException or OperationCanceledException)
                {
                    (status, retryAfter) = (0, false);
                    socket = await ReconnectAsync(socket);
                }
                var answered = clock.Elapsed;
                if (!timeout.TryReset())
                {
                    timeout.Dispose();
                    timeout = new CancellationTokenSource();
                }
                answers[n] = new OverloadAnswer(due, status, (answered - due).TotalMilliseconds, retryAfter, (sent - due).TotalMilliseconds);
            }
        }
        finally
        {
            socket.Dispose();
            timeout.Dispose();
        }
    }

    private async Task<Socket> ReconnectAsync(Socket socket)
    {
        socket.Dispose();
        return await ConnectAsync();
    }

    /// <summary>Reads one answer: its status, whether it had Retry-After, and whether the server closes the connection after it.</summary>
    private static async Task<(int Status, bool RetryAfter, bool Close)> ReadAnswerAsync(Socket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        int headerEnd;
        while ((headerEnd = buffer.AsSpan(0, filled).IndexOf(HeaderEnd)) < 0)
            filled += await ReceiveAsync(socket, buffer.AsMemory(filled), cancellationToken);
        var (status, length, chunked, retryAfter, close) = Headers(buffer.AsSpan(0, headerEnd));
        var body = new Reader(socket, buffer, headerEnd + 4, filled, cancellationToken);
        if (chunked) await body.SkipChunkedAsync();
        else await body.SkipAsync(length ?? 0);
        if (body.Leftover) throw new InvalidDataException("More bytes than one answer (the sender never pipelines).");
        return (status, retryAfter, close);
    }

    /// <summary>The status line and the headers the sender needs, read in place (no strings).</summary>
    private static (int Status, long? Length, bool Chunked, bool RetryAfter, bool Close) Headers(ReadOnlySpan<byte> headers)
    {
        var status = (headers[9] - '0') * 100 + (headers[10] - '0') * 10 + (headers[11] - '0');
        long? length = null;
        bool chunked = false, retryAfter = false, close = false;
        var rest = headers[(headers.IndexOf("\r\n"u8) is var first and >= 0 ? first + 2 : headers.Length)..];
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf("\r\n"u8);
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon < 0) continue;
            var name = line[..colon].Trim((byte)' ');
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "content-length"u8) && Utf8Parser.TryParse(value, out long n, out _)) length = n;
            else if (Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8)) chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8);
            else if (Ascii.EqualsIgnoreCase(name, "retry-after"u8)) retryAfter = true;
            else if (Ascii.EqualsIgnoreCase(name, "connection"u8)) close = Ascii.EqualsIgnoreCase(value, "close"u8);
        }
        return (status, length, chunked, retryAfter, close);
    }

    private static async Task<int> ReceiveAsync(Socket socket, Memory<byte> into, CancellationToken cancellationToken)
    {
        if (into.Length == 0) throw new InvalidDataException("An answer's headers exceed the buffer.");
        var read = await socket.ReceiveAsync(into, SocketFlags.None, cancellationToken);
        return read > 0 ? read : throw new IOException("The tracker closed the connection.");
    }

    /// <summary>The rest of an answer after its headers, read through the same buffer.</summary>
    private sealed class Reader(Socket socket, byte[] buffer, int position, int filled, CancellationToken cancellationToken)
    {
        public bool Leftover => position < filled;

        public async Task SkipAsync(long count)
        {
            while (count > 0)
            {
                if (position == filled) await FillAsync();
                var step = (int)Math.Min(count, filled - position);
                (position, count) = (position + step, count - step);
            }
        }

        /// <summary>Chunks up to the last (size 0), each followed by CRLF; Kestrel sends no trailers.</summary>
        public async Task SkipChunkedAsync()
        {
            long size;
            do
            {
                size = await ChunkSizeAsync();
                await SkipAsync(size + 2);
            }
            while (size > 0);
        }

        /// <summary>A chunk's size line: hexadecimal digits, maybe extensions after ';', then CRLF.</summary>
        private async Task<long> ChunkSizeAsync()
        {
            long size = 0;
            var digits = true;
            while (true)
            {
                if (position == filled) await FillAsync();
                var b = buffer[position++];
                if (b == '\n') return size;
                if (!digits || b == '\r') continue;
                if (b == ';') digits = false;
                else size = size * 16 + (b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10);
            }
        }

        private async Task FillAsync() => (position, filled) = (0, await ReceiveAsync(socket, buffer, cancellationToken));
    }

    private static int[] Places(byte[] request)
    {
        var marker = Encoding.ASCII.GetBytes(Placeholder);
        var places = new List<int>();
        for (var at = 0; (at = request.AsSpan(at).IndexOf(marker) is var i and >= 0 ? at + i : -1) >= 0; at += marker.Length) places.Add(at);
        return [.. places];
    }

    private static void Number(byte[] request, int place, long n)
    {
        for (var i = Placeholder.Length - 1; i >= 0; i--, n /= 10) request[place + i] = (byte)('0' + n % 10);
    }
}
