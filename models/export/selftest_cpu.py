"""CPU self-test of the parts of blur2vid_model.py that need neither diffusers nor a GPU nor any weights:
torch, onnx and onnxruntime only. Small stand-ins replace diffusers' Attention and CogVideoXPatchEmbed.

    python selftest_cpu.py     # exits 1 if any check fails

Checks: the interval encoding against the reference formula, the interval packing, the packed attention processor
against CogVideoXAttnProcessor2_0's math, and ONNX export + ORT CPU runs (at a batch or size other than the traced
one) of both attention exports, the blur patch embedding and the preview decoder.
"""
import sys
import tempfile
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import torch
import torch.nn.functional as F
from torch import nn

import blur2vid_model as bm

RESULTS = []  # (label, ok) per check


def check(label: str, ok: bool, detail=""):
    print(f"{label}: {'ok' if ok else 'FAIL'} {detail}")
    RESULTS.append((label, ok))


def reference_interval_encoding(intervals):
    """blur2vid's get_1d_sincos_pos_embed_from_grid(24, ...) and the reshapes of _make_information_embedding."""
    omega = torch.arange(12, dtype=torch.float64) / 12.0
    omega = 1.0 / 10000 ** omega
    out = torch.outer(intervals.reshape(-1), omega)
    emb = torch.cat([torch.sin(out), torch.cos(out)], dim=1).reshape(*intervals.shape, 24)
    return emb.reshape(emb.shape[0], -1, 192).to(torch.float32)


def export_and_run(module, args, names, axes, runs):
    """Exports as export_bundle.py does; returns (ONNX op types, [(shape, max abs error vs torch)] per run)."""
    with tempfile.TemporaryDirectory() as scratch:
        path = str(Path(scratch) / "m.onnx")
        torch.onnx.export(module, args, path, input_names=names, output_names=["out"], dynamic_axes=axes,
                          opset_version=17, do_constant_folding=True, custom_opsets={"com.microsoft": 1}, dynamo=False)
        ops = {n.op_type for n in onnx.load(path).graph.node}
        sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
        results = []
        for feeds in runs:
            got = sess.run(None, {n: t.numpy() for n, t in zip(names, feeds)})[0]
            with torch.no_grad():
                want = module(*feeds).numpy()
            results.append((got.shape == want.shape, float(np.abs(got - want).max())))
    return ops, results


class StubAttention(nn.Module):
    """The attributes of diffusers' Attention that the CogVideoX processors use (qk LayerNorm, eps 1e-6)."""

    def __init__(self, dim=128, heads=2):
        super().__init__()
        self.heads = heads
        self.to_q, self.to_k, self.to_v = nn.Linear(dim, dim), nn.Linear(dim, dim), nn.Linear(dim, dim)
        self.norm_q, self.norm_k = nn.LayerNorm(dim // heads, eps=1e-6), nn.LayerNorm(dim // heads, eps=1e-6)
        for norm in (self.norm_q, self.norm_k):
            nn.init.normal_(norm.weight)
            nn.init.normal_(norm.bias)
        self.to_out = nn.ModuleList([nn.Linear(dim, dim), nn.Dropout(0.0)])


def diffusers_attention(attn, hidden, encoder):
    """CogVideoXAttnProcessor2_0's math: heads split to [B,N,S,H], qk LayerNorm, SDPA, merge, to_out."""
    text_len, x = encoder.size(1), torch.cat([encoder, hidden], dim=1)
    b, head_dim = x.shape[0], x.shape[-1] // attn.heads
    q, k, v = (t.view(b, -1, attn.heads, head_dim).transpose(1, 2) for t in (attn.to_q(x), attn.to_k(x), attn.to_v(x)))
    out = F.scaled_dot_product_attention(attn.norm_q(q), attn.norm_k(k), v).transpose(1, 2).flatten(2)
    out = attn.to_out[0](out)
    return out[:, text_len:], out[:, :text_len]


class AttentionOnly(nn.Module):
    def __init__(self, attn, ort_op):
        super().__init__()
        self.attn, self.processor = attn, bm.PackedAttnProcessor(ort_op)

    def forward(self, hidden, encoder):
        video, text = self.processor(self.attn, hidden, encoder)
        return torch.cat([text, video], dim=1)


class StubPatchEmbed(nn.Module):
    """The attributes of diffusers' CogVideoXPatchEmbed that BlurPatchEmbed takes over."""

    def __init__(self, dim=64, text_dim=32):
        super().__init__()
        self.embed_dim, self.temporal_compression_ratio = dim, 4
        self.proj, self.text_proj = nn.Conv2d(16, dim, 2, stride=2), nn.Linear(text_dim, dim)

    def _get_positional_embeddings(self, height, width, frames):
        tokens = (height // 2) * (width // 2) * ((frames - 1) // 4 + 1)
        return torch.randn(1, bm.TEXT_TOKENS + tokens, self.embed_dim)


def test_intervals():
    intervals = torch.rand(2, bm.LATENT_FRAMES, bm.INTERVAL_VALUES) - 0.5
    diff = (bm.interval_encoding(intervals) - reference_interval_encoding(intervals)).abs().max().item()
    check("interval encoding = reference", diff == 0.0, f"max diff {diff}")
    rows = bm.present_intervals()
    first, last = [-0.5, -0.4375] * 4, [0.3125, 0.375, 0.375, 0.4375, 0.4375, 0.5, 0.4375, 0.5]
    check("present-mode packing", rows[0].tolist() == [-0.5, 0.5] * 4 and rows[1].tolist() == first
          and rows[5].tolist() == last, str(rows.shape))


def test_attention():
    attn = StubAttention().eval()
    hidden, encoder = torch.randn(2, 50, 128), torch.randn(2, 7, 128)
    with torch.no_grad():
        got, want = bm.PackedAttnProcessor(True)(attn, hidden, encoder), diffusers_attention(attn, hidden, encoder)
    diff = max((g - w).abs().max().item() for g, w in zip(got, want))
    check("packed processor = CogVideoXAttnProcessor2_0 math", diff < 1e-5, f"max diff {diff:.1e}")
    axes = {"hidden": {0: "b"}, "encoder": {0: "b"}, "out": {0: "b"}}
    for ort_op, fused in ((True, "MultiHeadAttention"), (False, "Softmax")):
        ops, results = export_and_run(AttentionOnly(attn, ort_op).eval(), (hidden, encoder), ["hidden", "encoder"], axes,
                                      [(hidden, encoder), (hidden[:1], encoder[:1])])
        check(f"attention export ort_op={ort_op}", fused in ops and all(s and e < 1e-5 for s, e in results), str(results))


def test_patch_embed():
    embed = bm.BlurPatchEmbed(StubPatchEmbed(), 8, 12).eval()
    nn.init.normal_(embed.blur_condition)
    text, image = torch.randn(2, bm.TEXT_TOKENS, 32), torch.randn(2, bm.LATENT_FRAMES, 16, 8, 12)
    intervals = bm.present_intervals().expand(2, -1, -1).contiguous()
    axes = {"text": {0: "b"}, "image": {0: "b"}, "intervals": {0: "b"}, "out": {0: "b"}}
    _, results = export_and_run(embed, (text, image, intervals), ["text", "image", "intervals"], axes,
                                [(text, image, intervals), (text[:1], image[:1], intervals[:1])])
    check("blur patch embed export (batch 2, then 1)", all(s and e < 1e-5 for s, e in results), str(results))


def test_preview():
    preview = bm.PreviewDecoder(torch.randn(3, 16) * 0.2, torch.randn(3) * 0.1).eval()
    z1, z2 = torch.randn(1, 16, 5, 30, 45), torch.randn(1, 16, 5, 24, 40)
    axes = {"latents": {3: "h", 4: "w"}, "out": {3: "H", 4: "W"}}
    _, results = export_and_run(preview, (z1,), ["latents"], axes, [(z1,), (z2,)])
    check("preview export (traced 30x45, run 24x40)", all(s and e < 1e-5 for s, e in results), str(results))
    with torch.no_grad():
        frames = preview(z1)
    repeats = all(torch.equal(frames[:, :, i], frames[:, :, 1]) for i in range(1, 5))
    check("preview frames 1-4 come from latent 1", frames.shape[2] == 17 and repeats)


def main() -> int:
    torch.manual_seed(0)
    test_intervals()
    test_attention()
    test_patch_embed()
    test_preview()
    failed = sum(not ok for _, ok in RESULTS)
    print(f"{len(RESULTS) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
