#!/usr/bin/env python3
"""Writes the pictures and files tests/bad_files.sh needs into a folder:
odd but valid PNG and JPEG variants, damaged ones, and pictures whose
header claims far more pixels than the file holds. PNGs are written here
byte by byte (zlib and struct only); JPEGs come from ImageMagick's
/usr/bin/convert and are then patched. Usage: bad_files_gen.py DIR"""
import os
import struct
import subprocess
import sys
import zlib

BLUE = (0x33, 0x66, 0xCC)


def chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data +
            struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def png(w, h, depth, ctype, pixel, interlace=False, palette=None, extra=b"",
        idat=None):
    """A PNG of w x h whose pixel(x, y) gives the channel values."""
    def row(xs, y):
        vals = [v for x in xs for v in pixel(x, y)]
        if depth == 16:
            body = b"".join(struct.pack(">H", v) for v in vals)
        elif depth == 8:
            body = bytes(vals)
        else:
            out, acc, n = bytearray(), 0, 0
            for v in vals:
                acc, n = (acc << depth) | v, n + depth
                if n == 8:
                    out.append(acc)
                    acc, n = 0, 0
            if n:
                out.append(acc << (8 - n))
            body = bytes(out)
        return b"\0" + body
    raw = b""
    if interlace:  # Adam7: seven passes over sub-grids
        for x0, y0, dx, dy in [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4),
                               (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]:
            xs = list(range(x0, w, dx))
            if xs:
                raw += b"".join(row(xs, y) for y in range(y0, h, dy))
    else:
        raw = b"".join(row(range(w), y) for y in range(h))
    head = struct.pack(">IIBBBBB", w, h, depth, ctype, 0, 0, 1 if interlace else 0)
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head)
    if palette:
        out += chunk(b"PLTE", bytes(c for rgb in palette for c in rgb))
    out += extra + chunk(b"IDAT", idat if idat is not None else zlib.compress(raw))
    return out + chunk(b"IEND", b"")


def convert(out, *args):
    subprocess.run(["/usr/bin/convert", *args, out], check=True)


def jpeg_set_size(data, w, h):
    """Patches the frame header (SOF) of a JPEG to claim w x h."""
    d = bytearray(data)
    i = 2
    while True:
        marker, length = d[i + 1], d[i + 2] << 8 | d[i + 3]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            d[i + 5:i + 7] = h.to_bytes(2, "big")
            d[i + 7:i + 9] = w.to_bytes(2, "big")
            return bytes(d)
        i += 2 + length


def jpeg_with_app_segments(data, total):
    """Inserts APP15 segments (64 KiB each, as metadata would be) after SOI."""
    seg = b"\xff\xef" + struct.pack(">H", 65535) + b"m" * 65533
    return data[:2] + seg * (total // len(seg)) + data[2:]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)

    def put(name, data):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)

    blue = lambda x, y: list(BLUE)
    put("plain.png", png(64, 48, 8, 2, blue))
    put("deep16.png", png(64, 48, 16, 2, lambda x, y: [v * 257 for v in BLUE]))
    put("interlaced.png", png(64, 48, 8, 2, blue, interlace=True))
    put("palette.png", png(64, 48, 4, 3, lambda x, y: [1], palette=[(0, 0, 0), BLUE]))
    put("grey-alpha.png", png(64, 48, 8, 4, lambda x, y: [0x80, 0xFF]))
    put("metadata.png", png(64, 48, 8, 2, blue,
                            extra=chunk(b"tEXt", b"Comment\0" + b"x" * (12 << 20))))
    good = png(64, 48, 8, 2, blue)
    put("truncated.png", good[:len(good) // 2])
    bad = bytearray(good)
    bad[good.index(b"IDAT") + 6] ^= 0x55
    put("bad-crc.png", bytes(bad))
    put("bad-deflate.png", png(64, 48, 8, 2, blue, idat=b"\x78\x9c" + b"\xff" * 40))
    put("zero.png", b"")
    put("huge-header.png", png(64, 48, 8, 2, blue)[:16] + struct.pack(">II", 30000, 30000)
        + png(64, 48, 8, 2, blue)[24:])
    convert(os.path.join(out, "rgb.jpg"), "-size", "64x48", "xc:#3366cc")
    convert(os.path.join(out, "cmyk.jpg"), "-size", "64x48", "xc:#3366cc", "-colorspace", "CMYK")
    convert(os.path.join(out, "photo.jpg"), "-size", "320x240", "plasma:fractal", "-quality", "92")
    with open(os.path.join(out, "photo.jpg"), "rb") as f:
        photo = f.read()
    put("truncated.jpg", photo[:len(photo) // 2])
    with open(os.path.join(out, "rgb.jpg"), "rb") as f:
        rgb = f.read()
    put("metadata.jpg", jpeg_with_app_segments(rgb, 6 << 20))
    convert(os.path.join(out, "tiny.jpg"), "-size", "8x8", "xc:gray", "-strip", "-quality", "50")
    with open(os.path.join(out, "tiny.jpg"), "rb") as f:
        put("huge-header.jpg", jpeg_set_size(f.read(), 30000, 30000))
    put("png-named.jpg", good)
    put("text.png", b"this is not a picture\n")


if __name__ == "__main__":
    main()
