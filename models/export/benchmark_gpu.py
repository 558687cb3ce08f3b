"""Times a --random-weights bundle on the GPU: ORT CUDA vs PyTorch per transformer step, then one whole
50-step generation through ORT (encode, denoise, tiled decode) with its peak GPU memory.

    python benchmark_gpu.py --bundle bundle-random [--timed 10 --warmup 3 --steps 50]

Prints one "name: value" line per figure. Peak memory is nvidia-smi's used memory on the device, polled every
50 ms, minus what was in use before the ONNX sessions were created.
"""
import argparse
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import torch

import blur2vid_model as bm
import build_parts
import parity

DECODE_TILE = (30, 45)     # latent tile: diffusers' 240x360 px CogVideoX tile
DECODE_STRIDE = (25, 36)   # diffusers' overlap factors 1/6 (height) and 1/5 (width)


class GpuMemoryPeak:
    """Polls nvidia-smi in a thread; ORT's allocations are invisible to torch.cuda's counters."""

    def __init__(self):
        self.peak = self.baseline = self._used()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    @staticmethod
    def _used() -> int:
        out = subprocess.run(["nvidia-smi", "--query-gpu=memory.used", "--format=csv,noheader,nounits", "-i", "0"],
                             capture_output=True, text=True, check=True).stdout
        return int(out.strip().splitlines()[0])

    def _poll(self):
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, self._used())

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._used())


def time_calls(fn, warmup: int, timed: int) -> float:
    """Mean seconds per call after warm-up; fn must return only when the GPU work is done."""
    for _ in range(warmup):
        fn()
    start = time.perf_counter()
    for _ in range(timed):
        fn()
    return (time.perf_counter() - start) / timed


def step_inputs(meta: dict, batch: int = 1):
    g = torch.Generator().manual_seed(3)
    hidden = torch.randn(batch, bm.LATENT_FRAMES, 16, meta["height"] // 8, meta["width"] // 8, generator=g)
    return hidden, torch.full((batch,), 500, dtype=torch.int64), bm.present_intervals().expand(batch, -1, -1).contiguous()


def ort_step_seconds(bundle: Path, meta: dict, args) -> float:
    sess = parity.session(bundle / "transformer.onnx", "cuda", tf32=True)
    hidden, timestep, intervals = step_inputs(meta)
    feeds = {"hidden_states": hidden.numpy().astype(np.float16 if meta["dtype"] == "float16" else np.float32),
             "timestep": timestep.numpy(), "intervals": intervals.numpy()}
    return time_calls(lambda: sess.run(None, feeds), args.warmup, args.timed)


def torch_step_seconds(meta: dict, args) -> float:
    dtype = torch.float16 if meta["dtype"] == "float16" else torch.float32
    model = build_parts.build_transformer("", "", dtype, meta["width"], meta["height"], "cuda", True, "diffusers")
    hidden, timestep, intervals = (t.cuda() for t in step_inputs(meta))
    hidden = hidden.to(dtype)

    def step():
        with torch.no_grad():
            model(hidden, timestep, intervals)
        torch.cuda.synchronize()
    return time_calls(step, args.warmup, args.timed)


def blend_weights(tile_hw, stride_hw, scale: int) -> np.ndarray:
    """Linear ramps over the overlap, so overlapping tiles cross-fade (the role of diffusers' blend_v/blend_h)."""
    ramps = []
    for size, stride in zip(tile_hw, stride_hw):
        n, overlap = size * scale, (size - stride) * scale
        ramp = np.ones(n, dtype=np.float32)
        ramp[:overlap] = (np.arange(overlap) + 1) / (overlap + 1)
        ramp[n - overlap:] = np.minimum(ramp[n - overlap:], ramp[:overlap][::-1])
        ramps.append(ramp)
    return ramps[0][:, None] * ramps[1][None, :]


def tiled_decode(sess, z: np.ndarray) -> np.ndarray:
    """z [1,16,T,h,w] -> frames [1,3,4(T-1)+1,8h,8w], decoding overlapping latent tiles and cross-fading them."""
    _, _, t, h, w = z.shape
    out = np.zeros((1, 3, 4 * (t - 1) + 1, 8 * h, 8 * w), dtype=np.float32)
    weight = np.zeros((8 * h, 8 * w), dtype=np.float32)
    for y in range(0, h, DECODE_STRIDE[0]):
        for x in range(0, w, DECODE_STRIDE[1]):
            y0, x0 = min(y, max(h - DECODE_TILE[0], 0)), min(x, max(w - DECODE_TILE[1], 0))
            tile = z[..., y0:y0 + DECODE_TILE[0], x0:x0 + DECODE_TILE[1]]
            frames = sess.run(None, {"latents": np.ascontiguousarray(tile)})[0]
            ramp = blend_weights(tile.shape[-2:], DECODE_STRIDE, 8)[: frames.shape[-2], : frames.shape[-1]]
            out[..., 8 * y0:8 * y0 + frames.shape[-2], 8 * x0:8 * x0 + frames.shape[-1]] += frames * ramp
            weight[8 * y0:8 * y0 + frames.shape[-2], 8 * x0:8 * x0 + frames.shape[-1]] += ramp
            if x0 + DECODE_TILE[1] >= w:
                break
        if y0 + DECODE_TILE[0] >= h:
            break
    return out / weight


def generate(bundle: Path, meta: dict, steps: int) -> float:
    """One whole generation through ORT as Tempora runs it; returns the decode's seconds."""
    from diffusers import CogVideoXDPMScheduler
    enc = parity.session(bundle / "vae_encoder.onnx", "cuda", tf32=True)
    dit = parity.session(bundle / "transformer.onnx", "cuda", tf32=True)
    dec = parity.session(bundle / "vae_decoder.onnx", "cuda", tf32=True)
    image = np.random.default_rng(0).uniform(-1, 1, (1, 3, 1, meta["height"], meta["width"])).astype(np.float32)
    photo = torch.from_numpy(enc.run(["latent_mean"], {"image": image})[0]).permute(0, 2, 1, 3, 4) * meta["scaling_factor"]
    scheduler = CogVideoXDPMScheduler(**meta["scheduler"])
    scheduler.set_timesteps(steps)
    g = torch.Generator().manual_seed(0)
    latents = torch.randn(1, bm.LATENT_FRAMES, *photo.shape[2:], generator=g) * scheduler.init_noise_sigma
    intervals = bm.present_intervals()[None].numpy()
    np_dtype = np.float16 if meta["dtype"] == "float16" else np.float32
    old = None
    for i, t in enumerate(scheduler.timesteps):
        latents[:, :1] = photo  # the condition frame is the clean photo latent at every step
        v = dit.run(None, {"hidden_states": latents.numpy().astype(np_dtype), "timestep": np.array([int(t)]),
                           "intervals": intervals})[0]
        prev_t = scheduler.timesteps[i - 1] if i > 0 else None
        latents, old = scheduler.step(torch.from_numpy(v.astype(np.float32)), old, t, prev_t, latents,
                                      generator=g, return_dict=False)
    z = (latents[:, 1:].permute(0, 2, 1, 3, 4) / meta["scaling_factor"]).numpy()
    start = time.perf_counter()
    tiled_decode(dec, z)
    return time.perf_counter() - start


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bundle", required=True, type=Path, help="a bundle exported with --random-weights")
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--timed", type=int, default=10)
    p.add_argument("--steps", type=int, default=50)
    args = p.parse_args(argv)
    if not torch.cuda.is_available():
        print("benchmark_gpu.py needs a CUDA GPU", file=sys.stderr)
        return 2
    meta = json.loads((args.bundle / "bundle.json").read_text(encoding="utf-8"))
    print(f"gpu: {torch.cuda.get_device_name(0)}")
    print(f"resolution: {meta['width']}x{meta['height']}, batch 1, transformer {meta['dtype']}")
    print(f"torch_step_ms: {1000 * torch_step_seconds(meta, args):.1f}", flush=True)
    torch.cuda.empty_cache()  # the model is gone with its function; ORT must not share the card with its blocks
    print(f"ort_cuda_step_ms: {1000 * ort_step_seconds(bundle=args.bundle, meta=meta, args=args):.1f}", flush=True)
    with GpuMemoryPeak() as memory:
        start = time.perf_counter()
        decode_seconds = generate(args.bundle, meta, args.steps)
        total = time.perf_counter() - start
    print(f"generation_{args.steps}_steps_s: {total:.1f}")
    print(f"decode_tiled_s: {decode_seconds:.1f}")
    print(f"peak_gpu_memory_mib: {memory.peak - memory.baseline} (device total in use at peak {memory.peak})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
