"""Runs each graph of a bundle in ONNX Runtime and its PyTorch source on the same random inputs.

    python parity.py --bundle bundle-fp16 [--base ... --checkpoint ... | --random-weights]

Prints max abs, mean abs and relative error (max abs / max |reference|) per output; exits 1 if any relative
error is over its tolerance. Standalone, the PyTorch side uses diffusers' own CogVideoXAttnProcessor2_0, so the
check also covers the packed attention that the export swapped in.
"""
import argparse
import json
import sys
from pathlib import Path

import numpy as np
import torch

import blur2vid_model as bm
import build_parts

# relative tolerances: float32 graphs differ from PyTorch by kernel order only; float16 by rounding through 30 layers
TOLERANCE = {"float32": 2e-3, "float16": 3e-2}
DECODER_SIZES = [(30, 45), (24, 40)]  # the traced size and another one, to prove the spatial axes are dynamic


def session(path: Path, device: str, tf32: bool = False):
    """CUDA when asked for and present; TF32 off by default since PyTorch's side runs without it here."""
    import onnxruntime as ort
    if device == "cuda" and "CUDAExecutionProvider" in ort.get_available_providers():
        providers = [("CUDAExecutionProvider", {"use_tf32": "1" if tf32 else "0"}), "CPUExecutionProvider"]
    else:
        providers = ["CPUExecutionProvider"]
    return ort.InferenceSession(str(path), providers=providers)


def compare(label: str, got: np.ndarray, want: np.ndarray, tolerance: float) -> bool:
    if got.shape != want.shape:
        print(f"{label}: FAIL shape {got.shape}, PyTorch gives {want.shape}")
        return False
    diff = np.abs(got.astype(np.float64) - want.astype(np.float64))
    rel = diff.max() / max(np.abs(want).max(), 1e-12)
    ok = bool(np.isfinite(got).all()) and rel <= tolerance
    print(f"{label}: max abs {diff.max():.3e}, mean abs {diff.mean():.3e}, relative {rel:.3e} "
          f"(tolerance {tolerance:.0e}) {'ok' if ok else 'FAIL'}", flush=True)
    return ok


def run_pair(label, module, sess, feeds: dict, tolerance) -> bool:
    """feeds: ONNX input name -> torch tensor on the module's device, in the order of forward's arguments."""
    with torch.no_grad():
        want = module(*feeds.values())
    want = want if isinstance(want, tuple) else (want,)
    got = sess.run(None, {name: t.cpu().numpy() for name, t in feeds.items()})
    names = [o.name for o in sess.get_outputs()]
    return all([compare(f"{label}.{n}", g, w.float().cpu().numpy(), tolerance) for n, g, w in zip(names, got, want)])


def check_transformer(parts, bundle: Path, dtype: str, device: str) -> bool:
    sess = session(bundle / "transformer.onnx", device)
    shape = sess.get_inputs()[0].shape  # [batch, 6, 16, h, w]
    torch_dtype = torch.float16 if dtype == "float16" else torch.float32
    g = torch.Generator().manual_seed(7)
    feeds = {  # batch 1 while the export traced batch 2: a baked-in batch size fails here
        "hidden_states": torch.randn(1, *shape[1:], generator=g).to(device, torch_dtype),
        "timestep": torch.tensor([421], dtype=torch.int64, device=device),
        "intervals": bm.present_intervals()[None].to(device),
    }
    return run_pair("transformer", parts.transformer, sess, feeds, TOLERANCE[dtype])


def check_encoder(parts, bundle: Path, device: str) -> bool:
    sess = session(bundle / "vae_encoder.onnx", device)
    shape = sess.get_inputs()[0].shape
    image = torch.rand(*shape, generator=torch.Generator().manual_seed(8)) * 2 - 1
    return run_pair("vae_encoder", parts.encoder, sess, {"image": image.to(device)}, TOLERANCE["float32"])


def check_decoder(label, module, path: Path, device: str) -> bool:
    sess = session(path, device)
    ok = True
    for h, w in DECODER_SIZES:
        latents = torch.randn(1, 16, bm.VIDEO_LATENTS, h, w, generator=torch.Generator().manual_seed(h * w))
        ok &= run_pair(f"{label}[{h}x{w}]", module, sess, {"latents": latents.to(device)}, TOLERANCE["float32"])
    return ok


def check_parts(parts, bundle: Path, dtype: str, device: str) -> bool:
    """All four graphs, each against its PyTorch module in `parts`."""
    torch.backends.cuda.matmul.allow_tf32 = False  # TF32 on one side only would blur the comparison
    torch.backends.cudnn.allow_tf32 = False
    results = [
        check_transformer(parts, bundle, dtype, device),
        check_encoder(parts, bundle, device),
        check_decoder("vae_decoder", parts.decoder, bundle / "vae_decoder.onnx", device),
        check_decoder("preview_decoder", parts.preview, bundle / "preview_decoder.onnx", device),
    ]
    ok = all(results)
    print("parity: " + ("all within tolerance" if ok else "FAILED"))
    return ok


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bundle", required=True, type=Path)
    p.add_argument("--base", default="THUDM/CogVideoX-2b")
    p.add_argument("--checkpoint", default="tedlasai/blur2vid:cogvideox-outsidephotos/checkpoint/model.safetensors")
    p.add_argument("--random-weights", action="store_true", help="the bundle was exported with --random-weights")
    p.add_argument("--device", choices=["cuda", "cpu"], default="cuda" if torch.cuda.is_available() else "cpu")
    args = p.parse_args(argv)
    meta = json.loads((args.bundle / "bundle.json").read_text(encoding="utf-8"))
    torch_dtype = torch.float16 if meta["dtype"] == "float16" else torch.float32
    parts = build_parts.build(args.base, args.checkpoint, torch_dtype, meta["width"], meta["height"], args.device,
                              args.random_weights, attention="diffusers")
    return 0 if check_parts(parts, args.bundle, meta["dtype"], args.device) else 1


if __name__ == "__main__":
    sys.exit(main())
