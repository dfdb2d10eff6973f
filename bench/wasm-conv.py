"""The DCGAN preset of wasm-conv.mjs (or with --model=mlp the MLP GAN of
overhead-models.mjs) in PyTorch on the CPU: same layers, batch 64, Adam, one D step
plus one G step that re-generates its fakes, as gandlf does. Prints one JSON line.
/usr/bin/python3 wasm-conv.py [--model dcgan|mlp] [--steps N] [--warmup N] [--threads N]"""
import argparse, json, statistics, time

import torch
from torch import nn

parser = argparse.ArgumentParser()
parser.add_argument("--steps", type=int, default=5)
parser.add_argument("--warmup", type=int, default=1)
# 0: PyTorch's default (OpenMP's, which can be 1 on a machine with 2 cores).
parser.add_argument("--threads", type=int, default=0)
parser.add_argument("--model", choices=["dcgan", "mlp"], default="dcgan")
args = parser.parse_args()
if args.threads:
    torch.set_num_threads(args.threads)
torch.manual_seed(1)
BATCH, LATENT = 64, 100


class Reshape(nn.Module):
    def forward(self, x):
        return x.view(-1, 128, 7, 7)


if args.model == "mlp":
    # overhead-models.mjs: G 100-256-512-784 (tanh), D 784-512-256-1 (sigmoid), leaky ReLU 0.2 in D.
    G = nn.Sequential(nn.Linear(LATENT, 256), nn.ReLU(), nn.Linear(256, 512), nn.ReLU(), nn.Linear(512, 784), nn.Tanh())
    D = nn.Sequential(
        nn.Linear(784, 512), nn.LeakyReLU(0.2), nn.Linear(512, 256), nn.LeakyReLU(0.2), nn.Linear(256, 1), nn.Sigmoid(),
    )
else:
    # PyTorch is NCHW; shapes match the tfjs NHWC layers ('same' padding: 2, output_padding 1).
    G = nn.Sequential(
        nn.Linear(LATENT, 7 * 7 * 128), nn.ReLU(), Reshape(),
        nn.ConvTranspose2d(128, 64, 5, stride=2, padding=2, output_padding=1), nn.ReLU(),
        nn.ConvTranspose2d(64, 1, 5, stride=2, padding=2, output_padding=1), nn.Tanh(),
    )
    D = nn.Sequential(
        nn.Conv2d(1, 64, 5, stride=2, padding=2), nn.LeakyReLU(0.2),
        nn.Conv2d(64, 128, 5, stride=2, padding=2), nn.LeakyReLU(0.2),
        nn.Flatten(), nn.Linear(7 * 7 * 128, 1), nn.Sigmoid(),
    )
opt_g = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-7)
opt_d = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-7)
bce = nn.BCELoss()
x = (torch.rand(BATCH, 784) if args.model == "mlp" else torch.rand(BATCH, 1, 28, 28)) * 2 - 1
zeros, ones = torch.zeros(BATCH, 1), torch.ones(BATCH, 1)


def step():
    # gandlf's targets: D learns real -> 0, fake -> 1; G learns fake -> 0.
    opt_g.zero_grad()
    loss_g = bce(D(G(torch.randn(BATCH, LATENT))), zeros)
    loss_g.backward()
    opt_g.step()
    opt_d.zero_grad()
    with torch.no_grad():
        fake = G(torch.randn(BATCH, LATENT))
    loss_d = bce(D(x), zeros) + bce(D(fake), ones)
    loss_d.backward()
    opt_d.step()
    return loss_g.item() + loss_d.item()


for _ in range(args.warmup):
    step()
times, cpu_times = [], []
for _ in range(args.steps):
    t, c = time.perf_counter(), time.process_time()
    step()
    times.append(time.perf_counter() - t)
    cpu_times.append(time.process_time() - c)  # all threads of this process
print(json.dumps({
    "times": times,
    "median": statistics.median(times),
    "cpuTimes": cpu_times,
    "cpuMedian": statistics.median(cpu_times),
    "model": args.model,
    "torch": torch.__version__,
    "threads": torch.get_num_threads(),
    "blas": "openblas" if "openblas" in torch.__config__.show().lower() else "other",
}))
