"""Numbers that move on screen: a score counting up to its new value."""
import math


def approach(shown: float, target: float, dt: float) -> float:
    """A counter that catches up with its target in about a third of a second."""
    if shown == target:
        return shown
    step = max(abs(target - shown) * min(1.0, dt * 10), 60 * dt)
    return target if abs(target - shown) <= step else shown + math.copysign(step, target - shown)
