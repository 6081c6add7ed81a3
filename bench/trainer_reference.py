"""PyTorch reference for bench/trainer.ts: the lecture's IMDB Conv1D, same shapes and
optimiser, on random token ids, CPU only. Prints one JSON line with samples/s."""
import argparse
import json
import time

import torch
from torch import nn


class ImdbConv1d(nn.Module):
    def __init__(self, max_features: int, embedding_dim: int = 128):
        super().__init__()
        self.embedding = nn.Embedding(max_features, embedding_dim)
        self.conv1 = nn.Conv1d(embedding_dim, 32, 7)
        self.pool = nn.MaxPool1d(5)
        self.conv2 = nn.Conv1d(32, 32, 7)
        self.dense = nn.Linear(32, 1)

    def forward(self, x):
        # Conv1d wants channels first; Keras's Conv1D is channels last.
        h = self.embedding(x).transpose(1, 2)
        h = self.pool(torch.relu(self.conv1(h)))
        h = torch.relu(self.conv2(h)).amax(dim=2)
        return torch.sigmoid(self.dense(h))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-features", type=int, default=2000)
    parser.add_argument("--max-len", type=int, default=500)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = ImdbConv1d(args.max_features)
    # Keras's RMSprop defaults: rho 0.9, epsilon 1e-7.
    optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)
    loss_fn = nn.BCELoss()
    x = torch.randint(0, args.max_features, (args.batch, args.max_len))
    y = torch.randint(0, 2, (args.batch, 1)).float()

    def step() -> None:
        optimizer.zero_grad()
        loss_fn(model(x), y).backward()
        optimizer.step()

    for _ in range(args.warmup):
        step()
    started = time.perf_counter()
    cpu_started = time.process_time()  # all of this process's threads
    for _ in range(args.batches):
        step()
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    print(json.dumps({
        "samples_per_s": args.batch * args.batches / seconds,
        "cpu_ms_per_sample": 1000 * cpu_seconds / (args.batch * args.batches),
        "batch": args.batch,
        "batches": args.batches,
        "threads": args.threads,
        "torch": torch.__version__,
    }))


if __name__ == "__main__":
    main()
