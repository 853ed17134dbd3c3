using System.Security.Cryptography;

namespace DossierTracker.Api.Importing;

/// <summary>
/// Which file an import reads, so that a rerun continues the same file and a different one starts afresh: a hash of
/// its first megabyte and its size. Cheap on a file of gigabytes, and a file rewritten or grown is a new file.
/// </summary>
public sealed record FileIdentity(string Key, long Size)
{
    private const int HashedBytes = 1 << 20;

    public static FileIdentity Of(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[(int)Math.Min(HashedBytes, stream.Length)];
        stream.ReadExactly(head);
        var size = stream.Length;
        return new FileIdentity($"{Convert.ToHexStringLower(SHA256.HashData(head))}:{size}", size);
    }
}
