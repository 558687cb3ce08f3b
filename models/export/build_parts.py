"""Loads the published weights (or seeded random ones) into the ONNX wrappers; shared by export, parity and benchmark."""
import dataclasses
from pathlib import Path

import torch
import torch.nn.functional as F

import blur2vid_model as bm

# CogVideoX-2b scheduler/scheduler_config.json; used only with --random-weights, which downloads nothing
COGVIDEOX_2B_SCHEDULER = {
    "num_train_timesteps": 1000, "beta_start": 0.00085, "beta_end": 0.012, "beta_schedule": "scaled_linear",
    "rescale_betas_zero_snr": True, "snr_shift_scale": 3.0, "timestep_spacing": "trailing",
    "set_alpha_to_one": True, "prediction_type": "v_prediction",
}
RANDOM_SEED = 1234  # parity.py and benchmark_gpu.py rebuild the same random weights from it


@dataclasses.dataclass
class Parts:
    transformer: torch.nn.Module   # TransformerOnnx
    encoder: torch.nn.Module       # VaeEncoderOnnx
    decoder: torch.nn.Module       # VaeDecoderOnnx
    preview: torch.nn.Module       # PreviewDecoder
    scheduler: dict
    scaling_factor: float
    tiling: dict                   # the VAE tile settings the reference decodes with, for the Java side


def resolve_checkpoint(spec: str) -> str:
    """A local file, or 'owner/repo:path/in/repo' on the Hugging Face hub."""
    if Path(spec).is_file():
        return spec
    repo, sep, filename = spec.partition(":")
    if not sep:
        raise SystemExit(f"--checkpoint {spec}: not a file, and not of the form owner/repo:path/model.safetensors")
    from huggingface_hub import hf_hub_download
    return hf_hub_download(repo_id=repo, filename=filename)


def empty_prompt_embedding(base: str, device: str) -> torch.Tensor:
    """T5 output for "" padded to 226 tokens, as ControlnetCogVideoXPipeline._get_t5_prompt_embeds computes it
    (no attention mask); float32 because the pipeline disables autocast there (fp16 T5 gives NaNs)."""
    from transformers import T5EncoderModel, T5Tokenizer
    tokenizer = T5Tokenizer.from_pretrained(base, subfolder="tokenizer")
    ids = tokenizer([""], padding="max_length", max_length=bm.TEXT_TOKENS, truncation=True,
                    add_special_tokens=True, return_tensors="pt").input_ids
    encoder = T5EncoderModel.from_pretrained(base, subfolder="text_encoder", torch_dtype=torch.float32).to(device)
    with torch.no_grad():
        embeds = encoder(ids.to(device))[0].float().cpu()
    del encoder
    if device == "cuda":
        torch.cuda.empty_cache()  # 19 GB of T5 weights must leave before the transformer is traced
    return embeds


def _vae(base: str, random_weights: bool):
    from diffusers import AutoencoderKLCogVideoX
    if random_weights:
        torch.manual_seed(RANDOM_SEED + 1)
        return AutoencoderKLCogVideoX()  # diffusers' defaults are the CogVideoX-2b VAE config
    return AutoencoderKLCogVideoX.from_pretrained(base, subfolder="vae", torch_dtype=torch.float32)


def _transformer(base: str, checkpoint: str, random_weights: bool, latent_hw):
    from diffusers import CogVideoXTransformer3DModel
    torch.manual_seed(RANDOM_SEED)
    if random_weights:
        model = CogVideoXTransformer3DModel()  # defaults are the CogVideoX-2b config
    else:  # config only: the blur2vid checkpoint holds every transformer weight (inference.py loads it strictly)
        model = CogVideoXTransformer3DModel.from_config(CogVideoXTransformer3DModel.load_config(base, subfolder="transformer"))
    bm.patch_transformer(model, *latent_hw)
    if random_weights:
        torch.nn.init.normal_(model.patch_embed.blur_condition, std=0.01)  # the reference's init scale
    else:
        from safetensors.torch import load_file
        model.load_state_dict(load_file(resolve_checkpoint(checkpoint)), strict=True)
    return model


def _scheduler(base: str, random_weights: bool) -> dict:
    if random_weights:
        return dict(COGVIDEOX_2B_SCHEDULER)
    from diffusers import CogVideoXDPMScheduler
    config = CogVideoXDPMScheduler.load_config(base, subfolder="scheduler")
    return {key: config[key] for key in COGVIDEOX_2B_SCHEDULER}


def _tiling(vae) -> dict:
    """Whatever tile attributes this diffusers version has (their names changed across releases)."""
    names = ("tile_sample_min_height", "tile_sample_min_width", "tile_overlap_factor_height", "tile_overlap_factor_width",
             "tile_sample_stride_height", "tile_sample_stride_width", "num_latent_frames_batch_size")
    return {n: getattr(vae, n) for n in names if isinstance(getattr(vae, n, None), (int, float))}


def fit_preview(vae, device: str, count: int = 24, size: int = 256) -> bm.PreviewDecoder:
    """Least-squares fit of the 8x8-average RGB of synthetic images (smooth random colour fields plus fine noise)
    from their unscaled latent means: a per-pixel affine map 16 -> 3."""
    g = torch.Generator().manual_seed(RANDOM_SEED + 3)
    smooth = F.interpolate(torch.randn(count, 3, 6, 6, generator=g), size=(size, size), mode="bicubic", align_corners=False)
    images = torch.tanh(1.5 * smooth + 0.2 * torch.randn(count, 3, size, size, generator=g))
    features, targets = [], []
    with torch.no_grad():
        for image in images:
            mean = vae.encode(image[None, :, None].to(device)).latent_dist.mean[0, :, 0]
            features.append(mean.flatten(1).T.double().cpu())
            targets.append(F.avg_pool2d(image[None], 8)[0].flatten(1).T.double())
    x = torch.cat(features)
    x = torch.cat([x, torch.ones(len(x), 1, dtype=x.dtype)], dim=1)  # last column fits the bias
    solution = torch.linalg.lstsq(x, torch.cat(targets)).solution  # [17, 3]
    return bm.PreviewDecoder(solution[:-1].T.float(), solution[-1].float()).to(device).eval()


def build_transformer(base: str, checkpoint: str, dtype: torch.dtype, width: int, height: int, device: str,
                      random_weights: bool, attention: str) -> bm.TransformerOnnx:
    transformer = _transformer(base, checkpoint, random_weights, (height // 8, width // 8))
    bm.use_attention(transformer, attention)
    if random_weights:
        text = torch.randn(1, bm.TEXT_TOKENS, 4096, generator=torch.Generator().manual_seed(RANDOM_SEED + 2)) * 0.1
    else:
        text = empty_prompt_embedding(base, device)
    return bm.TransformerOnnx(transformer, text).to(device=device, dtype=dtype).eval()


def build(base: str, checkpoint: str, dtype: torch.dtype, width: int, height: int, device: str,
          random_weights: bool, attention: str) -> Parts:
    """The four exported parts on `device`, in eval mode; the VAE stays float32 (its contract is float32)."""
    transformer = build_transformer(base, checkpoint, dtype, width, height, device, random_weights, attention)
    vae = _vae(base, random_weights)
    vae.enable_tiling()  # the encoder graph bakes in the reference's tiled encode at the bundle size
    tiling = _tiling(vae)
    encoder = bm.VaeEncoderOnnx(vae).to(device).eval()
    decoder_vae = _vae(base, random_weights)
    decoder_vae.disable_tiling()  # Tempora tiles the decode itself
    decoder = bm.VaeDecoderOnnx(decoder_vae).to(device).eval()
    preview = fit_preview(decoder_vae, device)
    return Parts(transformer, encoder, decoder, preview, _scheduler(base, random_weights),
                 float(vae.config.scaling_factor), tiling)
