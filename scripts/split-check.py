#!/usr/bin/env python3
"""The two checks scripts/build-web.sh makes around wasm-split-cli (one wasm reader for both).

  split-check.py overlap LINKED  the linked page wasm (--emit-relocs): no two data symbols
                                 share a byte, so blanking the late part's data in the page
                                 cannot blank the page's (build-web.sh links with wasm-ld -O0)
  split-check.py imports LATE    the late wasm imports only the page's memory, function table
                                 and globals, which is all web/late.js gives it
"""
import re
import sys


class Wasm:
    def __init__(self, path):
        self.b = open(path, "rb").read()

    def leb(self, i):
        r = s = 0
        while True:
            x = self.b[i]
            i += 1
            r |= (x & 0x7F) << s
            s += 7
            if x < 0x80:
                return r, i

    def name(self, i):
        n, i = self.leb(i)
        return self.b[i:i + n].decode(errors="replace"), i + n

    def sections(self):
        """(id, start, end) of each section's contents."""
        i = 8
        while i < len(self.b):
            size, j = self.leb(i + 1)
            yield self.b[i], j, j + size
            i = j + size


def data_symbols(w):
    """(segment, offset, size) of every defined data symbol of size > 0 (the linking section)."""
    syms = []
    for sid, i, end in w.sections():
        if sid != 0:
            continue
        title, j = w.name(i)
        if title != "linking":
            continue
        _, j = w.leb(j)  # the linking section's version
        while j < end:
            kind, (size, j) = w.b[j], w.leb(j + 1)
            sub_end = j + size
            if kind == 8:  # the symbol table
                count, k = w.leb(j)
                for _ in range(count):
                    sym, (flags, k) = w.b[k], w.leb(k + 1)
                    if sym == 1:  # data: name, then (if defined) segment, offset, size
                        _, k = w.name(k)
                        if not flags & 0x10:
                            seg, k = w.leb(k)
                            off, k = w.leb(k)
                            sz, k = w.leb(k)
                            if sz:
                                syms.append((seg, off, sz))
                    elif sym == 3:  # section
                        _, k = w.leb(k)
                    else:  # function, global, table, tag: index, then a name if defined or explicit
                        _, k = w.leb(k)
                        if not flags & 0x10 or flags & 0x40:
                            _, k = w.name(k)
            j = sub_end
    return syms


def imports(w):
    """(module, field) of every import."""
    out = []
    for sid, i, _ in w.sections():
        if sid != 2:
            continue
        count, j = w.leb(i)
        for _ in range(count):
            mod, j = w.name(j)
            field, j = w.name(j)
            kind = w.b[j]
            j += 1
            if kind == 0:  # function: type index
                _, j = w.leb(j)
            elif kind == 3:  # global: value type, mutability
                j += 2
            else:  # table (element type, then limits) or memory (limits)
                j += kind == 1
                flags = w.b[j]
                _, j = w.leb(j + 1)
                if flags & 1:
                    _, j = w.leb(j)
            out.append((mod, field))
    return out


def main():
    what, path = sys.argv[1], sys.argv[2]
    w = Wasm(path)
    if what == "overlap":
        syms = sorted(data_symbols(w))
        if not syms:
            sys.exit("build-web: the page's wasm has no data symbols: was it linked with --emit-relocs?")
        shared = [(a, c) for a, c in zip(syms, syms[1:]) if a[0] == c[0] and c[1] < a[1] + a[2]]
        if shared:
            sys.exit(f"build-web: {len(shared)} pairs of data symbols overlap (merged strings?), e.g. {shared[0]}")
    elif what == "imports":
        bad = [f"{m}.{f}" for m, f in imports(w)
               if m != "__wasm_split"
               or not re.fullmatch(r"__memory_0|__indirect_function_table|__global__\d+", f)]
        if bad:
            sys.exit("build-web: the late wasm imports more than the page's memory, table and globals: "
                     + ", ".join(bad))
    else:
        sys.exit(f"split-check.py: unknown check {what!r}")


main()
