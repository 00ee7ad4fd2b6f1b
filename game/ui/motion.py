"""Motion that explains: short tweens (under 300 ms) that never hold up input, and none at
all when the player turns on Reduce motion.

A scene keeps a Tween per thing that moves, starts it when the thing happens, steps it in
update(dt) and reads where it is in draw(); Scene.moving is True while any of them runs, so
the idle loop draws only then."""
import math
from dataclasses import dataclass

LONGEST = 0.3   # seconds: the limit for any one motion


def approach(shown: float, target: float, dt: float, motion: bool = True) -> float:
    """A counter that catches up with its target in about a third of a second; at once
    with Reduce motion."""
    if shown == target or not motion:
        return float(target)
    step = max(abs(target - shown) * min(1.0, dt * 10), 60 * dt)
    return target if abs(target - shown) <= step else shown + math.copysign(step, target - shown)


@dataclass
class Tween:
    """Progress from 0 to 1 over `seconds` (at most LONGEST); done at once when motion is
    off. `delay` holds it at 0 first (the opinion words lighting up one by one)."""

    seconds: float = 0.2
    delay: float = 0.0
    elapsed: float = math.inf   # not started: reads as finished

    def start(self, motion: bool = True) -> None:
        self.elapsed = 0.0 if motion else math.inf

    def finish(self) -> None:
        """Skip to the end: a key or a click never waits for a motion."""
        self.elapsed = math.inf

    def step(self, dt: float) -> None:
        if self.running:
            self.elapsed += dt

    @property
    def running(self) -> bool:
        return self.elapsed < self.delay + min(self.seconds, LONGEST)

    @property
    def t(self) -> float:
        """Linear progress, 0..1."""
        length = min(self.seconds, LONGEST)
        return min(1.0, max(0.0, (self.elapsed - self.delay) / length)) if length else 1.0

    @property
    def eased(self) -> float:
        """Fast out, slow in (cubic ease-out): a thing that arrives rather than stops."""
        return 1 - (1 - self.t) ** 3

    def shake(self, amplitude: float) -> float:
        """A sideways offset for a wrong answer: once to each side, settling at 0."""
        return amplitude * math.sin(self.t * math.tau * 2) * (1 - self.t)

    def pulse(self, amount: float) -> float:
        """A scale factor for a right answer: up by amount and back to 1."""
        return 1 + amount * math.sin(self.t * math.pi)
