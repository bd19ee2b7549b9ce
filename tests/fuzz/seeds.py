#!/usr/bin/env python3
"""tests/fuzz/seeds.py BUILD - writes BUILD/seeds/DRIVER/ for tests/fuzz/run:
every content file there is, each prefixed with the option bytes its
driver reads first (the drivers' headers say which)."""
import glob
import os
import re
import sys

out = sys.argv[1] + "/seeds"
files = sorted(glob.glob("content/*.md") + glob.glob("tests/data/*.md") +
               glob.glob("tests/golden/fixtures/**/*.md", recursive=True) +
               glob.glob("bench/faq-corpus/files/*"))


def read(path):
    s = open(path, "rb").read()
    if path.endswith("hostile.md"):
        # stored readably: \xHH is one byte, \\ a backslash
        one = lambda m: b"\\" if m.group(1) is None else bytes([int(m.group(1), 16)])
        s = re.sub(rb"\\\\|\\x([0-9a-fA-F]{2})", one, s)
    return s[:60000]


def name_byte(path):
    """fuzzcheck.h's fuzz_name(): x.md, x.txt, FAQ, x.mdx."""
    base = os.path.basename(path)
    if base.endswith(".txt"):
        return 1
    if base.endswith(".mdx"):
        return 3
    if "." not in base.split("__")[-1]:
        return 2
    return 0


def put(drv, name, data):
    os.makedirs(out + "/" + drv, exist_ok=True)
    open("%s/%s/%s" % (out, drv, name), "wb").write(data)


queries = ["aws", "アカウント", "せいきゅう", "ｱｶｳﾝﾄ", "faq install", "請求 カード",
           "kaiin", "zlib", "？", "a b c"]
keyseqs = ["jj<Enter>", "/aws<Enter>p<PgDn><End>", "A<Resize 20x5><End><Home>",
           "?<Down><Esc>q", "<Tab><Enter>p<PgDn><PgDn><Resize 1x1><PgDn><Esc>",
           "/カード<Down><Enter>n<C-c>", "<Click 3,5><WheelDown 1,1><Idle>",
           "ap<End><PgUp><Left><S-Tab>", "/zzz<BS><BS><BS><Esc>G"]
for i, f in enumerate(files):
    data = read(f)
    nb = name_byte(f)
    tag = "%02d-%s" % (i, os.path.basename(f))
    put("render", tag, b"O" + bytes([nb << 2]) + data)
    put("load", tag, bytes([nb]) + data)
    q = queries[i % len(queries)].encode()
    put("search", tag, bytes([len(q)]) + q + bytes([nb]) + data)
    k = keyseqs[i % len(keyseqs)].encode()
    put("browser", tag, bytes([79, 23, (i * 5 % 64) | (nb << 6), len(k)]) + k + data)
for i, k in enumerate(keyseqs + ["<lt>x<C-\\><Resize 9999x1>", "<Nope>", "<Up"]):
    put("keys", "parse-%02d" % i, b"\0" + k.encode())
terminal = [b"\033[A\033[B\033OC", b"\033[5~\033[6~\033[1~\033[4~\033[3~\033[Z",
            "あいう\r\t\x7f".encode(), b"\033[M !!\033[M\x60!!", b"\033[<0;10;5M\033[<64;1;1M",
            b"\033\033[", b"\x03\x1a\x1c\x1b", b"\xff\xfe\xe3\x81"]
for i, t in enumerate(terminal):
    put("keys", "term-%02d" % i, b"\1" + t)
