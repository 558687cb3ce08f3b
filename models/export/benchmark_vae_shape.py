"""Times CogVideoX's VAE decoder, tiled as Tempora tiles it, and a whole generation, in plain PyTorch without diffusers.

This is NOT the published VAE: random weights in a re-statement of the AutoencoderKLCogVideoX decoder layout
(block_out_channels 128/256/256/512, 4 resnets per up block, 16 latent channels, GroupNorm of 32 groups, SpatialNorm3D
conditioned on the latents, causal 3x3x3 convolutions padded by repeating the first frame, time upsampling in the first
two up blocks that keeps the first frame apart, so 5 latent frames decode to 17). The convolutions, their widths and the
frame counts are the real decoder's, so the time and memory of a decode are the real one's to within the layers left
out (the per-batch causal caches of diffusers, which change memory, not arithmetic). The transformer is
benchmark_dit_shape's. Prints one "name: value" line per figure.

    python benchmark_vae_shape.py [--steps 50] [--untiled]
"""
import argparse
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

import benchmark_dit_shape as dit

LATENT, GROUPS, WIDTHS, RESNETS = 16, 32, (512, 512, 256, 256, 128), 4
TILE, OVERLAP = (30, 45), (5, 9)   # Tempora's DiffusionEngine.TILE_H/W and overlaps: diffusers' 240x360 px tile


class CausalConv3d(nn.Module):
    """3D convolution that sees only the past: time padded at the front by repeating the first frame."""

    def __init__(self, cin, cout, k):
        super().__init__()
        self.pad = k - 1
        self.conv = nn.Conv3d(cin, cout, k, padding=(0, k // 2, k // 2))

    def forward(self, x):
        if self.pad:
            x = torch.cat([x[:, :, :1]] * self.pad + [x], dim=2)
        return self.conv(x)


class SpatialNorm3D(nn.Module):
    """GroupNorm whose scale and shift come from the latents, resized to the features (first frame apart when odd)."""

    def __init__(self, channels):
        super().__init__()
        self.norm = nn.GroupNorm(GROUPS, channels, eps=1e-6)
        self.scale = CausalConv3d(LATENT, channels, 1)
        self.shift = CausalConv3d(LATENT, channels, 1)

    def forward(self, f, zq):
        t = f.shape[2]
        if t > 1 and t % 2 == 1:
            first = F.interpolate(zq[:, :, :1], size=(1,) + tuple(f.shape[-2:]))
            rest = F.interpolate(zq[:, :, 1:], size=(t - 1,) + tuple(f.shape[-2:]))
            zq = torch.cat([first, rest], dim=2)
        else:
            zq = F.interpolate(zq, size=tuple(f.shape[-3:]))
        return self.norm(f) * self.scale(zq) + self.shift(zq)


class Resnet(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.norm1, self.conv1 = SpatialNorm3D(cin), CausalConv3d(cin, cout, 3)
        self.norm2, self.conv2 = SpatialNorm3D(cout), CausalConv3d(cout, cout, 3)
        self.short = nn.Conv3d(cin, cout, 1) if cin != cout else nn.Identity()

    def forward(self, x, zq):
        h = self.conv1(F.silu(self.norm1(x, zq)))
        h = self.conv2(F.silu(self.norm2(h, zq)))
        return self.short(x) + h


class Upsample(nn.Module):
    """2x in space, and 2x in time after the first frame when compress_time; then a 3x3 conv per frame."""

    def __init__(self, channels, compress_time):
        super().__init__()
        self.compress_time = compress_time
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)

    def forward(self, x):
        b, c, t, h, w = x.shape
        if self.compress_time and t > 1 and t % 2 == 1:
            first = F.interpolate(x[:, :, 0], scale_factor=2.0)[:, :, None]
            x = torch.cat([first, F.interpolate(x[:, :, 1:], scale_factor=2.0)], dim=2)
        elif self.compress_time and t > 1:
            x = F.interpolate(x, scale_factor=2.0)
        else:
            x = F.interpolate(x.transpose(1, 2).reshape(b * t, c, h, w), scale_factor=2.0)
            x = x.reshape(b, t, c, 2 * h, 2 * w).transpose(1, 2)
        b, c, t, h, w = x.shape
        y = self.conv(x.transpose(1, 2).reshape(b * t, c, h, w))
        return y.reshape(b, t, c, h, w).transpose(1, 2)


class DecoderShape(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv_in = CausalConv3d(LATENT, WIDTHS[0], 3)
        self.mid = nn.ModuleList(Resnet(WIDTHS[0], WIDTHS[0]) for _ in range(2))
        self.ups = nn.ModuleList()
        for i in range(4):
            cin, cout = WIDTHS[i], WIDTHS[i + 1]
            layers = nn.ModuleList(Resnet(cin if j == 0 else cout, cout) for j in range(RESNETS))
            up = Upsample(cout, compress_time=i < 2) if i < 3 else None
            self.ups.append(nn.ModuleDict({"resnets": layers, **({"up": up} if up else {})}))
        self.norm_out = SpatialNorm3D(WIDTHS[-1])
        self.conv_out = CausalConv3d(WIDTHS[-1], 3, 3)

    def forward(self, z):
        x = self.conv_in(z)
        for r in self.mid:
            x = r(x, z)
        for block in self.ups:
            for r in block["resnets"]:
                x = r(x, z)
            if "up" in block:
                x = block["up"](x)
        return self.conv_out(F.silu(self.norm_out(x, z)))


def starts(size, tile, overlap):
    """Tile starts as TiledDecoder.starts: stride tile - overlap, the last one flush with the end."""
    if size <= tile:
        return [0]
    out, s = [], 0
    while s + tile < size:
        out.append(s)
        s += tile - overlap
    return out + [size - tile]


def ramp(length, overlap, at_start, at_end, device):
    """Blend weights along one axis of a decoded tile: linear over the overlap on inner edges, 1 elsewhere."""
    w = torch.ones(length, device=device)
    if overlap:
        r = (torch.arange(overlap, device=device) + 1.0) / (overlap + 1)
        if not at_start:
            w[:overlap] = r
        if not at_end:
            w[-overlap:] = torch.minimum(w[-overlap:], r.flip(0))
    return w


def decode_tiled(decoder, z):
    """Decodes [1, C, T, h, w] tile by tile and blends with normalised linear ramps, as Tempora's TiledDecoder."""
    _, _, t, h, w = z.shape
    frames, out = 4 * (t - 1) + 1, None
    rows, cols = starts(h, TILE[0], OVERLAP[0]), starts(w, TILE[1], OVERLAP[1])
    for y in rows:
        for x in cols:
            tile = decoder(z[:, :, :, y:y + TILE[0], x:x + TILE[1]]).float()
            th, tw = tile.shape[-2:]
            wy = ramp(th, 8 * OVERLAP[0], y == rows[0], y == rows[-1], z.device)
            wx = ramp(tw, 8 * OVERLAP[1], x == cols[0], x == cols[-1], z.device)
            weight = wy[:, None] * wx[None, :]
            if out is None:
                out = torch.zeros(1, 3, frames, 8 * h, 8 * w, device=z.device)
                norm = torch.zeros(8 * h, 8 * w, device=z.device)
            out[..., 8 * y:8 * y + th, 8 * x:8 * x + tw] += tile * weight
            norm[8 * y:8 * y + th, 8 * x:8 * x + tw] += weight
            del tile
    return out / norm, len(rows) * len(cols)


def timed(fn, device):
    if device == "cuda":
        torch.cuda.synchronize()
    start = time.perf_counter()
    result = fn()
    if device == "cuda":
        torch.cuda.synchronize()
    return result, time.perf_counter() - start


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--width", type=int, default=1280)
    p.add_argument("--height", type=int, default=720)
    p.add_argument("--steps", type=int, default=50, help="transformer steps of the whole generation (0: decode only)")
    p.add_argument("--untiled", action="store_true", help="also decode in one piece, for its peak memory")
    p.add_argument("--device", default="cuda")
    a = p.parse_args()
    dev = a.device
    torch.manual_seed(0)
    torch.backends.cuda.matmul.allow_tf32 = torch.backends.cudnn.allow_tf32 = True   # as ORT's CUDA convolutions do by default
    gib = 2 ** 30
    peak = (lambda: torch.cuda.max_memory_allocated() / gib) if dev == "cuda" else (lambda: float("nan"))
    if dev == "cuda":
        print(f"gpu: {torch.cuda.get_device_name(0)}; torch {torch.__version__}")
        torch.cuda.reset_peak_memory_stats()
    decoder = DecoderShape().to(dev).eval()   # float32, as the bundle's VAE graphs are
    print(f"decoder parameters: {sum(q.numel() for q in decoder.parameters()) / 1e6:.1f} M (float32)")
    lh, lw = a.height // 8, a.width // 8
    z = torch.randn(1, LATENT, 5, lh, lw, device=dev) * 0.5
    with torch.no_grad():
        if a.steps:
            model = dit.DitShape().to(dev, torch.float16).eval()
            lat = torch.randn(1, 6, LATENT, lh, lw, device=dev, dtype=torch.float16)
            text = torch.randn(1, dit.TEXT_TOKENS, dit.WIDTH, device=dev, dtype=torch.float16)
            tf = torch.randn(1, dit.WIDTH, device=dev, dtype=torch.float16)
            model(lat, text, tf)   # warm-up
            _, t_steps = timed(lambda: [model(lat, text, tf) for _ in range(a.steps)], dev)
            print(f"transformer, {a.steps} steps: {t_steps:.1f} s ({1000 * t_steps / a.steps:.1f} ms/step, float16)")
        tile_z = z[:, :, :, :TILE[0], :TILE[1]]
        decoder(tile_z)   # warm-up: cuDNN picks its algorithms
        _, t_tile = timed(lambda: decoder(tile_z), dev)
        print(f"decode one {TILE[0]}x{TILE[1]} latent tile ({8 * TILE[0]}x{8 * TILE[1]} px, 17 frames): {t_tile * 1000:.0f} ms")
        (frames, tiles), t_dec = timed(lambda: decode_tiled(decoder, z), dev)
        print(f"tiled decode {a.width}x{a.height}, 17 frames, {tiles} tiles: {t_dec:.2f} s; output {tuple(frames.shape)}")
        print(f"peak GPU memory, whole run so far (torch allocator): {peak():.2f} GiB")
        if a.steps:
            print(f"whole generation ({a.steps} steps + tiled decode): {t_steps + t_dec:.1f} s")
        del frames
        if a.untiled and dev == "cuda":
            torch.cuda.empty_cache()
            torch.cuda.reset_peak_memory_stats()
            base = torch.cuda.memory_allocated() / gib
            try:
                _, t_full = timed(lambda: decoder(z), dev)
                print(f"untiled decode: {t_full:.2f} s, peak {peak():.2f} GiB ({peak() - base:.2f} GiB above the weights)")
            except torch.OutOfMemoryError:
                print(f"untiled decode: out of GPU memory (tiling needed)")


if __name__ == "__main__":
    main()
