"""Builds a Tempora model bundle (tempora-bundle/1) from CogVideoX-2b and a blur2vid checkpoint.

    python export_bundle.py --out bundle-fp16 --dtype float16
    python export_bundle.py --out bundle-random --random-weights   # real sizes, no download, for timing

See README.md beside this file for the environment and what each output file holds.
"""
import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

import torch

import blur2vid_model as bm
import build_parts
import parity

DTYPES = {"float16": torch.float16, "float32": torch.float32}
EXTERNAL_DATA_BYTES = 1_500_000_000  # well under protobuf's 2 GiB limit, which counts the graph too
DECODER_TILE = (30, 45)              # latent tile of the traced dummy input (diffusers' 240x360 px tile)


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", default="THUDM/CogVideoX-2b", help="base model: hub id or local diffusers folder")
    p.add_argument("--checkpoint", default="tedlasai/blur2vid:cogvideox-outsidephotos/checkpoint/model.safetensors",
                   help="blur2vid transformer weights: a .safetensors path or owner/repo:path on the hub")
    p.add_argument("--out", required=True, type=Path, help="bundle folder to write (created)")
    p.add_argument("--dtype", choices=sorted(DTYPES), default="float16", help="transformer precision")
    p.add_argument("--width", type=int, default=1280)
    p.add_argument("--height", type=int, default=720)
    p.add_argument("--opset", type=int, default=17)
    p.add_argument("--attention", choices=["ort-mha", "sdpa"], default="ort-mha",
                   help="ort-mha: com.microsoft::MultiHeadAttention (fused on ORT CUDA); sdpa: plain ONNX ops")
    p.add_argument("--guidance-scale", type=float, default=1.1,
                   help="1.1 as the reference inference.py runs the in-the-wild checkpoint (outsidephotos.yaml); 1.0 = no guidance, batch 1")
    p.add_argument("--name", default="blur2vid in-the-wild (CogVideoX-2b)")
    p.add_argument("--version", default="1.0")
    p.add_argument("--random-weights", action="store_true", help="real-size model, random weights, no download")
    p.add_argument("--skip-parity", action="store_true")
    p.add_argument("--device", choices=["cuda", "cpu"], default="cuda" if torch.cuda.is_available() else "cpu")
    args = p.parse_args(argv)
    if args.width % 16 or args.height % 16:
        p.error("--width and --height must be multiples of 16 (8x VAE, then 2x2 patches)")
    if args.opset < 17:
        p.error("--opset must be 17 or more (LayerNormalization)")
    return args


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 24), b""):
            h.update(chunk)
    return h.hexdigest()


def export_onnx(module, inputs: tuple, path: Path, input_names, output_names, dynamic_axes, opset) -> Path | None:
    """Exports to a scratch folder, then saves either one file or graph + one external-data file beside it.
    Returns the data file, if any. torch's own >2 GB export scatters one file per tensor, hence the re-save."""
    import onnx
    with tempfile.TemporaryDirectory(dir=path.parent) as scratch:
        raw = Path(scratch) / path.name
        with torch.no_grad():
            torch.onnx.export(module, inputs, str(raw), input_names=input_names, output_names=output_names,
                              dynamic_axes=dynamic_axes, opset_version=opset, do_constant_folding=True,
                              custom_opsets={"com.microsoft": 1}, dynamo=False)
        model = onnx.load(str(raw))  # pulls in any external data from the scratch folder
        data = path.with_name(path.name + ".data")
        for stale in (path, data):
            stale.unlink(missing_ok=True)  # onnx appends to an existing data file
        weights = sum(len(t.raw_data) for t in model.graph.initializer)
        if weights < EXTERNAL_DATA_BYTES:
            onnx.save_model(model, str(path))
            return None
        onnx.save_model(model, str(path), save_as_external_data=True, all_tensors_to_one_file=True,
                        location=data.name, size_threshold=1024)
        return data


def export_transformer(parts, args, out: Path):
    h, w = args.height // 8, args.width // 8
    dtype = DTYPES[args.dtype]
    batch = 2  # a traced batch of 1 can be specialised away; 2 keeps the batch axis honest
    hidden = torch.randn(batch, bm.LATENT_FRAMES, 16, h, w, device=args.device, dtype=dtype)
    timestep = torch.full((batch,), 999, dtype=torch.int64, device=args.device)
    intervals = bm.present_intervals().to(args.device).expand(batch, -1, -1).contiguous()
    axes = {"hidden_states": {0: "batch"}, "timestep": {0: "batch"}, "intervals": {0: "batch"}, "sample": {0: "batch"}}
    return export_onnx(parts.transformer, (hidden, timestep, intervals), out / "transformer.onnx",
                       ["hidden_states", "timestep", "intervals"], ["sample"], axes, args.opset)


def export_encoder(parts, args, out: Path):
    image = torch.rand(1, 3, 1, args.height, args.width, device=args.device) * 2 - 1
    return export_onnx(parts.encoder, (image,), out / "vae_encoder.onnx", ["image"],
                       ["latent_mean", "latent_logvar"], None, args.opset)


def export_decoder(module, args, path: Path):
    latents = torch.randn(1, 16, bm.VIDEO_LATENTS, *DECODER_TILE, device=args.device)
    axes = {"latents": {3: "height", 4: "width"}, "frames": {3: "height_px", 4: "width_px"}}
    return export_onnx(module, (latents,), path, ["latents"], ["frames"], axes, args.opset)


def file_entry(out: Path, name: str, data: Path | None) -> dict:
    entry = {"path": name, "sha256": sha256(out / name)}
    if data is not None:
        entry["data"] = {"path": data.name, "sha256": sha256(data)}
    return entry


def manifest(args, parts, files: dict) -> dict:
    source = "random weights (timing only)" if args.random_weights else f"{args.base} + {args.checkpoint}"
    return {
        "format": "tempora-bundle/1",
        "name": args.name + (" [random weights]" if args.random_weights else ""),
        "version": args.version,
        "license": "Apache-2.0",  # CogVideoX-2b and blur2vid are both Apache-2.0
        "source": source,
        "width": args.width, "height": args.height,
        "latent_channels": 16, "spatial_compression": 8, "temporal_compression": 4,
        "scaling_factor": parts.scaling_factor,
        "frames": 16,
        "dtype": args.dtype,
        "guidance_scale": args.guidance_scale,
        "default_steps": 50,
        "scheduler": parts.scheduler,
        "vae_tiling": parts.tiling,  # informational: the tiles the reference decodes with
        "files": files,
    }


def main(argv=None) -> int:
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    parts = build_parts.build(args.base, args.checkpoint, DTYPES[args.dtype], args.width, args.height, args.device,
                              args.random_weights, args.attention)
    print("exporting transformer ...", flush=True)
    files = {"transformer": file_entry(args.out, "transformer.onnx", export_transformer(parts, args, args.out))}
    print("exporting VAE encoder and decoders ...", flush=True)
    files["vae_encoder"] = file_entry(args.out, "vae_encoder.onnx", export_encoder(parts, args, args.out))
    files["vae_decoder"] = file_entry(args.out, "vae_decoder.onnx",
                                      export_decoder(parts.decoder, args, args.out / "vae_decoder.onnx"))
    files["preview_decoder"] = file_entry(args.out, "preview_decoder.onnx",
                                          export_decoder(parts.preview, args, args.out / "preview_decoder.onnx"))
    files = {role: files[role] for role in ("vae_encoder", "transformer", "vae_decoder", "preview_decoder")}
    (args.out / "bundle.json").write_text(json.dumps(manifest(args, parts, files), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out / 'bundle.json'}")
    if args.skip_parity:
        return 0
    return 0 if parity.check_parts(parts, args.out, args.dtype, args.device) else 1


if __name__ == "__main__":
    sys.exit(main())
