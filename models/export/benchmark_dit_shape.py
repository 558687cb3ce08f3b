"""Times a transformer with CogVideoX-2B's shapes and operator mix in plain PyTorch, on a GPU without diffusers.

This is NOT the blur2vid model: random weights in a re-statement of the CogVideoXBlock layout (30 blocks, width 1920,
30 heads of 64, LayerNorm-zero modulation from the timestep embedding, QK LayerNorm, scaled-dot-product attention over
the 226 text tokens plus the video tokens, a 4x GELU-tanh feed-forward, 2x2 patches of 16 latent channels). Its cost
per step is the real model's to within the few small layers left out, so it answers "how long does one denoising
step take at 1280x720 on this GPU" where diffusers cannot be installed. Prints one line per figure.
"""
import argparse
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

WIDTH, HEADS, LAYERS, TEXT_TOKENS, CHANNELS, PATCH = 1920, 30, 30, 226, 16, 2


class Block(nn.Module):
    """One CogVideoXBlock: modulated norm, joint attention of text and video tokens, modulated norm, feed-forward."""

    def __init__(self):
        super().__init__()
        self.mod1 = nn.Linear(512, 6 * WIDTH)
        self.mod2 = nn.Linear(512, 6 * WIDTH)
        self.norm1 = nn.LayerNorm(WIDTH, elementwise_affine=False)
        self.norm2 = nn.LayerNorm(WIDTH, elementwise_affine=False)
        self.q, self.k, self.v, self.o = (nn.Linear(WIDTH, WIDTH) for _ in range(4))
        self.qn, self.kn = nn.LayerNorm(64), nn.LayerNorm(64)
        self.ff1, self.ff2 = nn.Linear(WIDTH, 4 * WIDTH), nn.Linear(4 * WIDTH, WIDTH)

    def forward(self, x, temb):
        b, n, _ = x.shape
        shift, scale, gate, *_ = self.mod1(F.silu(temb)).chunk(6, dim=-1)
        h = self.norm1(x) * (1 + scale[:, None]) + shift[:, None]
        q, k, v = (p(h).view(b, n, HEADS, 64).transpose(1, 2) for p in (self.q, self.k, self.v))
        a = F.scaled_dot_product_attention(self.qn(q), self.kn(k), v).transpose(1, 2).reshape(b, n, WIDTH)
        x = x + gate[:, None] * self.o(a)
        shift, scale, gate, *_ = self.mod2(F.silu(temb)).chunk(6, dim=-1)
        h = self.norm2(x) * (1 + scale[:, None]) + shift[:, None]
        return x + gate[:, None] * self.ff2(F.gelu(self.ff1(h), approximate="tanh"))


class DitShape(nn.Module):
    def __init__(self):
        super().__init__()
        self.patch = nn.Conv2d(CHANNELS, WIDTH, PATCH, PATCH)
        self.time = nn.Sequential(nn.Linear(WIDTH, 512), nn.SiLU(), nn.Linear(512, 512))
        self.blocks = nn.ModuleList(Block() for _ in range(LAYERS))
        self.out = nn.Linear(WIDTH, PATCH * PATCH * CHANNELS)

    def forward(self, latents, text, t_features):
        b, f, c, h, w = latents.shape
        tokens = self.patch(latents.flatten(0, 1)).flatten(2).transpose(1, 2).reshape(b, -1, WIDTH)
        x = torch.cat([text, tokens], dim=1)
        temb = self.time(t_features)
        for block in self.blocks:
            x = block(x, temb)
        return self.out(x[:, TEXT_TOKENS:])


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--width", type=int, default=1280)
    p.add_argument("--height", type=int, default=720)
    p.add_argument("--dtype", choices=["float16", "bfloat16"], default="float16")
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--timed", type=int, default=10)
    a = p.parse_args()
    dtype = getattr(torch, a.dtype)
    torch.manual_seed(0)
    model = DitShape().to("cuda", dtype).eval()
    params = sum(q.numel() for q in model.parameters())
    latents = torch.randn(1, 6, CHANNELS, a.height // 8, a.width // 8, device="cuda", dtype=dtype)
    text = torch.randn(1, TEXT_TOKENS, WIDTH, device="cuda", dtype=dtype)
    tf = torch.randn(1, WIDTH, device="cuda", dtype=dtype)
    tokens = TEXT_TOKENS + 6 * (a.height // 16) * (a.width // 16)
    print(f"gpu: {torch.cuda.get_device_name(0)}; torch {torch.__version__}; {params / 1e9:.2f} B parameters; {tokens} tokens; {a.dtype}")
    torch.cuda.reset_peak_memory_stats()
    with torch.no_grad():
        for _ in range(a.warmup):
            model(latents, text, tf)
        torch.cuda.synchronize()
        start = time.perf_counter()
        for _ in range(a.timed):
            model(latents, text, tf)
        torch.cuda.synchronize()
    step = (time.perf_counter() - start) / a.timed
    flops = LAYERS * tokens * (24 * WIDTH * WIDTH + 4 * tokens * WIDTH)
    print(f"per step: {step * 1000:.1f} ms ({flops / step / 1e12:.0f} TFLOP/s of matrix work)")
    print(f"50 steps: {50 * step:.1f} s")
    print(f"peak GPU memory (weights + one step): {torch.cuda.max_memory_allocated() / 2**30:.2f} GiB")


if __name__ == "__main__":
    main()
