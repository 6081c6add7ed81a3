"""PyTorch twins of the zoo models for bench/trainer-zoo.ts: the same layers, shapes, losses
and optimiser (Keras's RMSprop: rho 0.9, epsilon 1e-7) on random data, CPU only. Prints one
JSON line per model with samples/s. Names and shapes follow bench/trainer-zoo-models.ts."""
import argparse
import json
import time

import torch
from torch import nn
import torch.nn.functional as F

ce = nn.CrossEntropyLoss()  # on logits: softmax + categorical cross-entropy in one
bce = nn.BCELoss()


def conv_same(cin, cout, k, stride=1):
    # Keras 'same' for odd kernels; stride 2 on even sizes gives the same output size.
    return nn.Conv2d(cin, cout, k, stride, padding=k // 2)


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 10))

    def forward(self, x):
        return self.net(x)


class QaTwoInput(nn.Module):
    def __init__(self, vocabulary=1000, answers=50):
        super().__init__()
        self.text_embedding = nn.Embedding(vocabulary, 64)
        self.text_lstm = nn.LSTM(64, 32, batch_first=True)
        self.question_embedding = nn.Embedding(vocabulary, 64)
        self.question_lstm = nn.LSTM(64, 32, batch_first=True)
        self.answer = nn.Linear(64, answers)

    def forward(self, text, question):
        _, (t, _) = self.text_lstm(self.text_embedding(text))
        _, (q, _) = self.question_lstm(self.question_embedding(question))
        return self.answer(torch.cat([t[0], q[0]], dim=1))


class MultiOutput(nn.Module):
    def __init__(self, vocabulary=200, groups=4, filters=32):
        super().__init__()
        self.embedding = nn.Embedding(vocabulary, 32)
        self.conv1 = nn.Conv1d(32, filters, 5)
        self.conv2 = nn.Conv1d(filters, filters, 5)
        self.dense = nn.Linear(filters, filters)
        self.age = nn.Linear(filters, 1)
        self.income = nn.Linear(filters, groups)
        self.gender = nn.Linear(filters, 1)

    def forward(self, posts):
        h = self.embedding(posts).transpose(1, 2)
        h = F.max_pool1d(torch.relu(self.conv1(h)), 2)
        h = torch.relu(self.conv2(h)).amax(dim=2)
        h = torch.relu(self.dense(h))
        return self.age(h), self.income(h), torch.sigmoid(self.gender(h))


class Inception(nn.Module):
    def __init__(self, f=8, classes=5):
        super().__init__()
        self.stem = conv_same(3, f, 3)
        self.a = conv_same(f, f, 1, 2)
        self.b1, self.b2 = conv_same(f, f, 1), conv_same(f, f, 3, 2)
        self.c = conv_same(f, f, 3)
        self.d1, self.d2, self.d3 = conv_same(f, f, 1), conv_same(f, f, 3), conv_same(f, f, 3, 2)
        self.dense = nn.Linear(4 * f, classes)

    def forward(self, x):
        r = torch.relu
        x = r(self.stem(x))
        a = r(self.a(x))
        b = r(self.b2(r(self.b1(x))))
        c = r(self.c(F.avg_pool2d(x, 3, 2, padding=1, count_include_pad=False)))
        d = r(self.d3(r(self.d2(r(self.d1(x))))))
        return self.dense(torch.cat([a, b, c, d], dim=1).mean(dim=(2, 3)))


class Residual(nn.Module):
    def __init__(self, f=8, classes=5):
        super().__init__()
        self.stem = conv_same(3, f, 3)
        self.i1, self.i2 = conv_same(f, f, 3), conv_same(f, f, 3)
        self.p1, self.p2 = conv_same(f, 2 * f, 3), conv_same(2 * f, 2 * f, 3)
        self.projection = nn.Conv2d(f, 2 * f, 1, 2)
        self.dense = nn.Linear(2 * f, classes)

    def forward(self, x):
        r = torch.relu
        x = r(self.stem(x))
        identity = r(self.i2(r(self.i1(x)))) + x
        z = F.max_pool2d(r(self.p2(r(self.p1(identity)))), 2)
        return self.dense((z + self.projection(identity)).mean(dim=(2, 3)))


class PairHead(nn.Module):
    def __init__(self, features):
        super().__init__()
        self.compare = nn.Linear(2 * features, 16)
        self.answer = nn.Linear(16, 1)

    def forward(self, left, right):
        return torch.sigmoid(self.answer(torch.relu(self.compare(torch.cat([left, right], dim=1)))))


class SiameseLstm(nn.Module):
    def __init__(self, vocabulary=2000):
        super().__init__()
        self.embedding = nn.Embedding(vocabulary, 32)
        self.lstm = nn.LSTM(32, 32, batch_first=True)
        self.head = PairHead(32)

    def encode(self, x):
        return self.lstm(self.embedding(x))[1][0][0]

    def forward(self, left, right):
        return self.head(self.encode(left), self.encode(right))


class SharedVision(nn.Module):
    def __init__(self, f=8):
        super().__init__()
        self.conv1, self.conv2 = conv_same(3, f, 3), conv_same(f, 2 * f, 3)
        self.head = PairHead(2 * f)

    def base(self, x):
        x = F.max_pool2d(torch.relu(self.conv1(x)), 2)
        return torch.relu(self.conv2(x)).mean(dim=(2, 3))

    def forward(self, left, right):
        return self.head(self.base(left), self.base(right))


class SeparableConv(nn.Module):
    """Keras SeparableConv2D: a bias-free depthwise 3x3 then a pointwise 1x1 with bias; valid padding."""

    def __init__(self, width=32, classes=10):
        super().__init__()
        widths = [width * m for m in (1, 2, 2, 4, 2, 4)]
        self.blocks = nn.ModuleList()
        cin = 3
        for cout in widths:
            self.blocks.append(nn.ModuleList([
                nn.Conv2d(cin, cin, 3, groups=cin, bias=False), nn.Conv2d(cin, cout, 1),
                nn.BatchNorm2d(cout, eps=1e-3, momentum=0.01)]))
            cin = cout
        self.dense = nn.Linear(cin, 32)
        self.bn = nn.BatchNorm1d(32, eps=1e-3, momentum=0.01)
        self.out = nn.Linear(32, classes)

    def forward(self, x):
        for i, (depthwise, pointwise, bn) in enumerate(self.blocks):
            x = bn(torch.relu(pointwise(depthwise(x))))
            if i in (1, 3):
                x = F.max_pool2d(x, 2)
        return self.out(self.bn(torch.relu(self.dense(x.mean(dim=(2, 3))))))


def tokens(b, length, vocabulary):
    return torch.randint(0, vocabulary, (b, length))


def classes(b, n):
    return torch.randint(0, n, (b,))


def binary(b):
    return torch.randint(0, 2, (b, 1)).float()


def multi_output_loss(outputs, targets):
    age, income, gender = outputs
    return 0.25 * F.mse_loss(age, targets[0]) + ce(income, targets[1]) + 10 * bce(gender, targets[2])


# name -> (batch, model, inputs(batch), targets(batch), loss(outputs, targets))
MODELS = {
    "mlp-sequential": (128, Mlp, lambda b: [torch.randn(b, 64)], lambda b: classes(b, 10), ce),
    "mlp-functional": (128, Mlp, lambda b: [torch.randn(b, 64)], lambda b: classes(b, 10), ce),
    "qa-two-input": (64, QaTwoInput, lambda b: [tokens(b, 100, 1000), tokens(b, 20, 1000)], lambda b: classes(b, 50), ce),
    "multi-output": (128, MultiOutput, lambda b: [tokens(b, 60, 200)],
                     lambda b: (torch.rand(b, 1) * 5 + 1.8, classes(b, 4), binary(b)), multi_output_loss),
    "inception": (128, Inception, lambda b: [torch.rand(b, 3, 16, 16)], lambda b: classes(b, 5), ce),
    "residual": (128, Residual, lambda b: [torch.rand(b, 3, 16, 16)], lambda b: classes(b, 5), ce),
    "siamese-lstm": (128, SiameseLstm, lambda b: [tokens(b, 40, 2000), tokens(b, 40, 2000)], binary, bce),
    "shared-vision": (128, SharedVision, lambda b: [torch.rand(b, 3, 16, 16), torch.rand(b, 3, 16, 16)], binary, bce),
    "separable-conv": (32, SeparableConv, lambda b: [torch.rand(b, 3, 64, 64)], lambda b: classes(b, 10), ce),
}


def measure(name, batches, warmup, min_seconds):
    batch, make, inputs, targets, loss_fn = MODELS[name]
    model = make()
    optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)
    x, y = inputs(batch), targets(batch)

    def step():
        optimizer.zero_grad()
        loss_fn(model(*x), y).backward()
        optimizer.step()

    # At least min_seconds of warm-up and of timed steps: a tiny model's few batches time the
    # machine's load, not the model (and the Tensorlens side warms V8's JIT as long).
    warming = time.perf_counter()
    done = 0
    while done < warmup or time.perf_counter() - warming < min_seconds:
        step()
        done += 1
    started = time.perf_counter()
    done = 0
    while done < batches or time.perf_counter() - started < min_seconds:
        step()
        done += 1
    seconds = time.perf_counter() - started
    return {"model": name, "samples_per_s": batch * done / seconds, "batch": batch, "batches": done}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", default=",".join(MODELS))
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--min-seconds", type=float, default=0)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    for name in args.models.split(","):
        print(json.dumps({**measure(name, args.batches, args.warmup, args.min_seconds), "threads": args.threads, "torch": torch.__version__}), flush=True)


if __name__ == "__main__":
    main()
