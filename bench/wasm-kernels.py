"""The DCGAN's conv kernels of wasm-kernels.mjs in PyTorch on the CPU: for each shape, the
forward conv and its input and weight gradients (torch.nn.grad), median ms of --reps runs.
Prints one JSON line.  OMP_NUM_THREADS=1 /usr/bin/python3 wasm-kernels.py [--reps N]"""
import argparse, json, statistics, time

import torch
import torch.nn.functional as F
from torch.nn.grad import conv2d_input, conv2d_weight

parser = argparse.ArgumentParser()
parser.add_argument("--reps", type=int, default=10)
args = parser.parse_args()
torch.set_num_threads(1)
torch.manual_seed(1)

# NCHW here, NHWC in tfjs: (name, x shape, w shape [out, in, k, k]); 'same' for k5 s2 is padding 2.
SHAPES = [
    ("28x28x1 -> 14x14x64 (D1, G2)", (64, 1, 28, 28), (64, 1, 5, 5)),
    ("14x14x64 -> 7x7x128 (D2, G1)", (64, 64, 14, 14), (128, 64, 5, 5)),
]
out = {}
with torch.no_grad():
    for name, xs, ws in SHAPES:
        x, w = torch.randn(xs), torch.randn(ws)
        dy = torch.randn(xs[0], ws[0], xs[2] // 2, xs[3] // 2)
        kernels = {
            "Conv2D": lambda: F.conv2d(x, w, stride=2, padding=2),
            "Conv2DBackpropInput": lambda: conv2d_input(xs, w, dy, stride=2, padding=2),
            "Conv2DBackpropFilter": lambda: conv2d_weight(x, ws, dy, stride=2, padding=2),
        }
        out[name] = {}
        for kernel, run in kernels.items():
            for _ in range(5):
                run()
            times = []
            for _ in range(args.reps):
                t = time.perf_counter()
                run()
                times.append((time.perf_counter() - t) * 1000)
            out[name][kernel] = statistics.median(times)
print(json.dumps({"version": torch.__version__, "threads": torch.get_num_threads(), "ms": out}))
