"""The blur2vid transformer, VAE encoder, VAE decoder and preview decoder as ONNX-ready torch modules.

Each wrapper's forward takes and returns exactly the tensors of the tempora-bundle/1 contract, so that
torch.onnx.export names them one to one. Reference: GitHub tedlasai/blur2vid, cogvideo_embeddings.py
(CogVideoXPatchEmbedWBlur) and cogvideo_transformer.py (CogVideoXTransformer3DModel.forward).
"""
import torch
import torch.nn.functional as F
from torch import nn

TEXT_TOKENS = 226            # CogVideoX max_text_seq_length: the empty prompt padded to this length
LATENT_FRAMES = 6            # 1 condition frame (the photo) + 5 video latents
VIDEO_LATENTS = 5            # 17 frames = 4 * (5 - 1) + 1 after the VAE
INTERVAL_VALUES = 8          # 4 frames per latent x [start, end]
INTERVAL_SIN_DIM = 24        # per value: 12 sines then 12 cosines


def pack_intervals(pairs) -> torch.Tensor:
    """16 [start, end] pairs -> [6, 8]: pad to 17 with the last pair, to 20 with 3 copies of the first in front,
    4 pairs per latent frame, behind the condition row [-0.5, 0.5] x 4 (training/helpers.py transform_intervals,
    random_insert_latent_frame with "just_one")."""
    pairs = [list(p) for p in pairs]
    padded = [pairs[0]] * 3 + pairs + [pairs[-1]]
    rows = [[-0.5, 0.5] * 4] + [sum(padded[i:i + 4], []) for i in range(0, 20, 4)]
    return torch.tensor(rows, dtype=torch.float32)


def present_intervals() -> torch.Tensor:
    """The "1x" mode: 16 frames tiling the exposure [-0.5, 0.5]."""
    return pack_intervals([(i / 16 - 0.5, (i + 1) / 16 - 0.5) for i in range(16)])


def interval_encoding(intervals: torch.Tensor) -> torch.Tensor:
    """[B, F, 8] exposure intervals -> [B, F, 192], as CogVideoXPatchEmbedWBlur._make_information_embedding
    does through get_1d_sincos_pos_embed_from_grid(24, ...): float64 angles t * 10000^(-i/12), sin then cos."""
    half = INTERVAL_SIN_DIM // 2
    omega = 1.0 / 10000 ** (torch.arange(half, dtype=torch.float64, device=intervals.device) / half)
    angles = intervals.to(torch.float64).reshape(-1, 1) * omega[None, :]  # torch.outer promotes to float64 there too
    emb = torch.cat([torch.sin(angles), torch.cos(angles)], dim=1)
    return emb.reshape(intervals.shape[0], intervals.shape[1], INTERVAL_VALUES * INTERVAL_SIN_DIM).to(torch.float32)


class BlurPatchEmbed(nn.Module):
    """Mirrors blur2vid cogvideo_embeddings.py CogVideoXPatchEmbedWBlur.forward for CogVideoX 1.0 (patch_size_t None),
    with the condition mask and the position embedding fixed for one latent size (the bundle's)."""

    def __init__(self, base, latent_height: int, latent_width: int):
        super().__init__()
        dim = base.embed_dim
        self.proj = base.proj                      # Conv2d(16 -> 1920, 2x2, stride 2)
        self.text_proj = base.text_proj            # Linear(4096 -> 1920)
        self.blur_proj = nn.Linear(INTERVAL_VALUES * INTERVAL_SIN_DIM, dim)
        self.blur_condition = nn.Parameter(torch.zeros(2, dim))
        # frame 0 is the photo ("just_one" in training/helpers.py random_insert_latent_frame): blur_condition[0]
        mask = torch.zeros(1, LATENT_FRAMES, dtype=torch.bool)
        mask[:, 0] = True
        self.register_buffer("condition_mask", mask, persistent=False)
        frames = (LATENT_FRAMES - 1) * base.temporal_compression_ratio + 1
        pos = base._get_positional_embeddings(latent_height, latent_width, frames)
        self.register_buffer("pos_embedding", pos.float(), persistent=False)  # not in the checkpoint, as in the reference

    def forward(self, text_embeds, image_embeds, intervals):
        text_embeds = self.text_proj(text_embeds)
        batch, frames, channels, height, width = image_embeds.shape
        info = self.blur_proj(interval_encoding(intervals).to(self.blur_proj.weight.dtype))
        cond = torch.where(self.condition_mask.unsqueeze(-1), self.blur_condition[0], self.blur_condition[1])
        x = self.proj(image_embeds.reshape(-1, channels, height, width))
        x = x.view(batch, frames, *x.shape[1:])
        x = x + info[..., None, None] + cond[..., None, None]
        x = x.flatten(3).transpose(2, 3).flatten(1, 2)
        embeds = torch.cat([text_embeds, x], dim=1).contiguous()
        return embeds + self.pos_embedding.to(embeds.dtype)


def _sdpa_packed(q, k, v, heads):
    """Attention on [B, S, heads*64] tensors, the layout ORT's MultiHeadAttention takes."""
    split = lambda t: t.unflatten(-1, (heads, -1)).transpose(1, 2)  # no traced sizes: the batch axis stays dynamic
    out = F.scaled_dot_product_attention(split(q), split(k), split(v), dropout_p=0.0, is_causal=False)
    return out.transpose(1, 2).flatten(2)


class OrtMultiHeadAttention(torch.autograd.Function):
    """SDPA in PyTorch; com.microsoft::MultiHeadAttention in ONNX, so ORT CUDA runs flash / memory-efficient
    attention instead of materialising 30 x 21826^2 scores that a decomposed MatMul-Softmax-MatMul would need."""

    @staticmethod
    def forward(ctx, q, k, v, heads):
        return _sdpa_packed(q, k, v, heads)

    @staticmethod
    def symbolic(g, q, k, v, heads):
        out = g.op("com.microsoft::MultiHeadAttention", q, k, v, num_heads_i=heads)
        # q's traced type would pin batch and sequence to the dummy's sizes; only the width is fixed
        out.setType(q.type().with_sizes([None, None, q.type().sizes()[-1]]))
        return out


class PackedAttnProcessor:
    """Same math as diffusers CogVideoXAttnProcessor2_0 (no rotary embedding in the 2B model), with q/k kept in
    [B, S, N*H] so the attention call maps onto one ORT contrib op."""

    def __init__(self, ort_op: bool):
        self.ort_op = ort_op

    def __call__(self, attn, hidden_states, encoder_hidden_states, attention_mask=None, image_rotary_emb=None):
        text_len = encoder_hidden_states.size(1)
        x = torch.cat([encoder_hidden_states, hidden_states], dim=1)
        q = self._qk_norm(attn.norm_q, attn.to_q(x), attn.heads)
        k = self._qk_norm(attn.norm_k, attn.to_k(x), attn.heads)
        v = attn.to_v(x)
        out = OrtMultiHeadAttention.apply(q, k, v, attn.heads) if self.ort_op else _sdpa_packed(q, k, v, attn.heads)
        out = attn.to_out[1](attn.to_out[0](out))
        return out[:, text_len:], out[:, :text_len]

    @staticmethod
    def _qk_norm(norm, t, heads):
        # LayerNorm over the head dimension is the same in [B,S,N,H] as in diffusers' [B,N,S,H]
        return t if norm is None else norm(t.unflatten(-1, (heads, -1))).flatten(-2)


def use_attention(transformer, mode: str):
    """mode: 'ort-mha' (export), 'sdpa' (portable export, ONNX MatMul/Softmax), 'diffusers' (the original processor)."""
    if mode != "diffusers":
        transformer.set_attn_processor(PackedAttnProcessor(ort_op=mode == "ort-mha"))


class TransformerOnnx(nn.Module):
    """hidden_states [B,6,16,h,w], timestep int64 [B], intervals float32 [B,6,8] -> sample (v-prediction).
    Mirrors blur2vid cogvideo_transformer.py CogVideoXTransformer3DModel.forward with the empty-prompt T5 embedding
    baked in as a buffer and broadcast to the batch."""

    def __init__(self, transformer, text_embeds: torch.Tensor):
        super().__init__()
        self.transformer = transformer
        self.register_buffer("text_embeds", text_embeds, persistent=False)

    def forward(self, hidden_states, timestep, intervals):
        t = self.transformer
        batch, frames, _, height, width = hidden_states.shape
        temb = t.time_embedding(t.time_proj(timestep).to(hidden_states.dtype))  # time_proj is float32, as in diffusers
        text = self.text_embeds.to(hidden_states.dtype).expand(batch, -1, -1)
        x = t.patch_embed(text, hidden_states, intervals)
        enc, x = x[:, :TEXT_TOKENS], x[:, TEXT_TOKENS:]
        for block in t.transformer_blocks:
            x, enc = block(hidden_states=x, encoder_hidden_states=enc, temb=temb, image_rotary_emb=None)
        x = t.proj_out(t.norm_out(t.norm_final(x), temb=temb))
        p = t.config.patch_size
        x = x.reshape(batch, frames, height // p, width // p, -1, p, p)
        return x.permute(0, 1, 4, 2, 5, 3, 6).flatten(5, 6).flatten(3, 4)


def patch_transformer(transformer, latent_height: int, latent_width: int):
    """Swaps diffusers' CogVideoXPatchEmbed for BlurPatchEmbed; parameter names then match the blur2vid checkpoint."""
    transformer.patch_embed = BlurPatchEmbed(transformer.patch_embed, latent_height, latent_width)
    return transformer


class VaeEncoderOnnx(nn.Module):
    """image [1,3,1,H,W] in [-1,1] -> (latent_mean, latent_logvar), the DiagonalGaussianDistribution of
    AutoencoderKLCogVideoX.encode with tiling on, as blur2vid inference.py runs it (vae.enable_tiling())."""

    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, image):
        dist = self.vae.encode(image).latent_dist
        return dist.mean, dist.logvar  # logvar clamped to [-30, 20] by diffusers, unscaled


class VaeDecoderOnnx(nn.Module):
    """latents [1,16,T,h,w] (already / scaling_factor) -> frames [1,3,4(T-1)+1,8h,8w]; untiled: the caller tiles."""

    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, latents):
        return self.vae.decode(latents).sample


class PreviewDecoder(nn.Module):
    """Fast approximate decoder: a fitted per-pixel linear map 16 -> 3, nearest 8x upsampling, and each latent
    frame repeated over the frames it covers (latent 0 -> frame 0, latent k -> frames 4k-3 .. 4k)."""

    def __init__(self, weight: torch.Tensor, bias: torch.Tensor):
        super().__init__()
        self.to_rgb = nn.Conv3d(weight.shape[1], 3, kernel_size=1)
        with torch.no_grad():
            self.to_rgb.weight.copy_(weight[:, :, None, None, None])
            self.to_rgb.bias.copy_(bias)

    def forward(self, latents):
        rgb = self.to_rgb(latents)
        frames = 4 * (rgb.shape[2] - 1) + 1
        index = torch.div(torch.arange(frames, device=rgb.device) + 3, 4, rounding_mode="floor")
        rgb = torch.index_select(rgb, 2, index)
        rgb = F.interpolate(rgb, scale_factor=(1.0, 8.0, 8.0), mode="nearest")
        return rgb.clamp(-1.0, 1.0)
