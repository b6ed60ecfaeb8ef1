#!/usr/bin/env python3
"""Network fuzzer for bench/network-fuzz.sh (not a test): seeded hostile cases against a DICOM SCP on 127.0.0.1.

Usage: network-fuzz.py PORT CALLED_AE DICOM_FILE CASES SEED
Prints one summary line: cases, cases/s, connections still open after 10 s by kind (a message left incomplete is
only bounded by the SCP's idle timeout, 60 s for `receive`; the shell script checks they are gone after it), store
answers by status. A hang is what is still open after that.
"""
import random, socket, struct, sys, time
from concurrent.futures import ThreadPoolExecutor
from collections import Counter

port, called, sample, cases, seed = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
CT = b"1.2.840.10008.5.1.4.1.1.2"

def pad(uid): return uid + (b"\0" if len(uid) % 2 else b"")

def meta_and_dataset(path):
    data = open(path, "rb").read()
    pos, ts, sop = 132, None, None
    while pos + 8 <= len(data) and data[pos:pos + 2] == b"\x02\x00":
        elem = struct.unpack_from("<H", data, pos + 2)[0]
        vr = data[pos + 4:pos + 6]
        if vr in (b"OB", b"OW", b"UN", b"UT", b"SQ"):
            length, head = struct.unpack_from("<I", data, pos + 8)[0], 12
        else:
            length, head = struct.unpack_from("<H", data, pos + 6)[0], 8
        value = data[pos + head:pos + head + length]
        if elem == 0x10: ts = value.rstrip(b"\0 ")
        if elem == 0x03: sop = value.rstrip(b"\0 ")
        pos += head + length
    return ts, sop, data[pos:]

TS, SOP, DATASET = meta_and_dataset(sample)

def item(kind, body): return struct.pack(">BBH", kind, 0, len(body)) + body

def associate_rq():
    ctx = item(0x30, CT) + item(0x40, TS)
    body = struct.pack(">HH", 1, 0) + called.ljust(16).encode() + b"STORESCU".ljust(16) + bytes(32)
    body += item(0x10, b"1.2.840.10008.3.1.1.1") + item(0x20, bytes([1, 0, 0, 0]) + ctx) + item(0x50, item(0x51, struct.pack(">I", 65536)))
    return struct.pack(">BBI", 1, 0, len(body)) + body

def element(group, elem, value): return struct.pack("<HHI", group, elem, len(value)) + value

def store_command(sop):
    rest = element(0, 2, pad(CT)) + element(0, 0x100, struct.pack("<H", 1)) + element(0, 0x110, struct.pack("<H", 1))
    rest += element(0, 0x700, struct.pack("<H", 0)) + element(0, 0x800, struct.pack("<H", 0)) + element(0, 0x1000, pad(sop))
    return element(0, 0, struct.pack("<I", len(rest))) + rest

def pdata(command, data, chunk=16000):
    out = b""
    def pdv(flags, payload): return struct.pack(">IBB", len(payload) + 2, 1, flags) + payload
    out += pdu(4, pdv(0x03, command))
    pieces = [data[i:i + chunk] for i in range(0, len(data), chunk)] or [b""]
    for i, piece in enumerate(pieces):
        out += pdu(4, pdv(0x02 if i == len(pieces) - 1 else 0x00, piece))
    return out

def pdu(kind, body): return struct.pack(">BBI", kind, 0, len(body)) + body

def mutate(rng):
    d = bytearray(DATASET)
    k = rng.randrange(4)
    if k == 0: return bytes(d[:rng.randrange(len(d))])
    if k == 1:
        for _ in range(rng.randint(1, 8)): d[rng.randrange(min(len(d), 4096))] ^= rng.randint(1, 255)
        return bytes(d)
    if k == 2:
        at = rng.randrange(len(d)); return bytes(d[:at]) + rng.randbytes(rng.randint(1, 64)) + bytes(d[at:])
    at = rng.randrange(0, min(len(d), 4096) - 4); d[at:at + 4] = rng.choice([b"\xff\xff\xff\xff", b"\xf0\xff\xff\x7f", rng.randbytes(4)]); return bytes(d)

def case(i):
    rng = random.Random(seed * 1_000_003 + i)
    rq = associate_rq()
    kind = ["random", "bad-length", "truncated-rq", "random-pdv", "store", "store", "idle"][i % 7]
    store = False
    if kind == "random": payload = rng.randbytes(rng.randint(1, 3000))
    elif kind == "bad-length": payload = struct.pack(">BBI", rng.randint(1, 7), 0, rng.choice([0xFFFFFFF0, 0x7FFFFFFF, 1 << 20])) + rng.randbytes(100)
    elif kind == "truncated-rq": payload = rq[:rng.randrange(1, len(rq))]
    elif kind == "random-pdv": payload = rq + pdu(4, struct.pack(">IBB", 102, 1, rng.choice([0, 1, 2, 3])) + rng.randbytes(100))
    elif kind == "idle": payload = b""
    else:
        sop = SOP if rng.random() < 0.8 else rng.choice([b"../../../../tmp/x", b"/etc/passwd", b"1.2.3"])
        payload, store = rq + pdata(store_command(sop), mutate(rng)), True
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    deadline, status, buf = time.time() + 10, None, b""
    try:
        s.sendall(payload)
        while time.time() < deadline:
            chunk = s.recv(65536)
            if not chunk: return kind, status, False
            buf += chunk
            while len(buf) >= 6 and len(buf) >= 6 + struct.unpack_from(">I", buf, 2)[0]:
                t, n = buf[0], struct.unpack_from(">I", buf, 2)[0]
                body, buf = buf[6:6 + n], buf[6 + n:]
                if t == 4 and store:
                    idx = body.find(b"\x00\x00\x00\x09\x02\x00\x00\x00")
                    status = "0x%04X" % struct.unpack_from("<H", body, idx + 8)[0] if idx >= 0 else "?"
                    s.sendall(pdu(5, bytes(4)))
                if t in (6, 7, 3): return kind, status or ("abort" if t == 7 else None), False
        return kind, status, True
    except socket.timeout:
        return kind, status, True
    except OSError:
        return kind, status, False
    finally:
        s.close()

start = time.time()
with ThreadPoolExecutor(16) as pool:
    results = list(pool.map(case, range(cases)))
elapsed = time.time() - start
hangs = [r for r in results if r[2]]
statuses = Counter(r[1] for r in results if r[0] == "store")
print(f"cases {cases}  cases/s {cases / elapsed:.0f}  open after 10 s {len(hangs)} {dict(Counter(h[0] for h in hangs))}  store answers {dict(statuses)}")
sys.exit(0)
