using System.Runtime.InteropServices;

namespace BudgetBot.Host.Reports;

/// <summary>
/// Where a line may break in Thai text, which has no spaces between words: ICU's word break iterator, whose Thai rules
/// use its own dictionary. ICU is already loaded for .NET's globalization on Linux, so nothing is added; it is reached
/// through its C API (<c>ubrk_open</c> and friends, versioned symbol names as distributions build them). Where no ICU
/// is found, lines break at spaces only and a word longer than a line keeps its own line.
/// </summary>
internal static class ThaiWords
{
    private const int WordBreaks = 1; // UBRK_WORD
    private const int Done = -1; // UBRK_DONE

    private static readonly Lazy<Icu?> Library = new(Icu.Load);

    /// <summary>True when ICU's dictionary is in use (false: spaces only).</summary>
    public static bool HasDictionary => Library.Value is not null;

    /// <summary>The positions in <paramref name="text"/> where a line may break, between 0 and its length.</summary>
    public static IReadOnlyList<int> Boundaries(string text)
    {
        if (Library.Value is { } icu && icu.Boundaries(text) is { } found)
        {
            return found;
        }

        var spaces = Enumerable.Range(1, Math.Max(0, text.Length - 1)).Where(i => text[i - 1] == ' ' || text[i] == ' ');
        return [0, .. spaces, text.Length];
    }

    /// <summary>
    /// <paramref name="text"/> in lines of at most <paramref name="width"/> characters where the words allow, broken only
    /// between words; a word longer than a line has a line of its own, whole.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var breaks = Boundaries(paragraph);
            var start = 0;
            while (start < paragraph.Length)
            {
                // The rest when it fits; else the furthest break within the width; failing that, the nearest one past it.
                var end = paragraph.Length - start <= width
                    ? paragraph.Length
                    : breaks.Where(b => b > start && b - start <= width).DefaultIfEmpty(breaks.First(b => b > start)).Max();

                var line = paragraph[start..end].Trim();
                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                start = end;
            }
        }

        return lines;
    }

    /// <summary>ICU's break iterator, found by the version suffix its library and symbols carry.</summary>
    private sealed class Icu
    {
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate IntPtr OpenFn(int type, [MarshalAs(UnmanagedType.LPStr)] string locale, IntPtr text, int length, out int status);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate int StepFn(IntPtr iterator);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate void CloseFn(IntPtr iterator);

        private readonly OpenFn _open;
        private readonly StepFn _first;
        private readonly StepFn _next;
        private readonly CloseFn _close;

        private Icu(OpenFn open, StepFn first, StepFn next, CloseFn close) => (_open, _first, _next, _close) = (open, first, next, close);

        public static Icu? Load()
        {
            foreach (var version in Enumerable.Range(50, 51).Reverse())
            {
                if (!NativeLibrary.TryLoad($"libicuuc.so.{version}", out var handle))
                {
                    continue;
                }

                T? Find<T>(string name)
                    where T : Delegate =>
                    NativeLibrary.TryGetExport(handle, $"{name}_{version}", out var f) || NativeLibrary.TryGetExport(handle, name, out f)
                        ? Marshal.GetDelegateForFunctionPointer<T>(f)
                        : null;

                if (Find<OpenFn>("ubrk_open") is { } open && Find<StepFn>("ubrk_first") is { } first && Find<StepFn>("ubrk_next") is { } next && Find<CloseFn>("ubrk_close") is { } close)
                {
                    return new Icu(open, first, next, close);
                }
            }

            return null;
        }

        public List<int>? Boundaries(string text)
        {
            if (text.Length == 0)
            {
                return [0];
            }

            // ICU keeps a pointer to the text, not a copy: it stays pinned until the iterator is closed.
            var pinned = GCHandle.Alloc(text, GCHandleType.Pinned);
            var iterator = IntPtr.Zero;
            try
            {
                iterator = _open(WordBreaks, "th", pinned.AddrOfPinnedObject(), text.Length, out var status);
                if (status > 0 || iterator == IntPtr.Zero)
                {
                    return null;
                }

                var found = new List<int>();
                for (var at = _first(iterator); at != Done; at = _next(iterator))
                {
                    found.Add(at);
                }

                return found;
            }
            finally
            {
                if (iterator != IntPtr.Zero)
                {
                    _close(iterator);
                }

                pinned.Free();
            }
        }
    }
}
