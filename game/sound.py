"""Short sound effects, synthesised here so the game ships no audio files."""
import array
import math
import sys
from pathlib import Path

import pygame

RATE = 22050
PEAK = 0.35 * 32767  # headroom: effects can overlap in the mixer without clipping
# name -> notes as (frequency Hz, seconds, decay time constant s)
EFFECTS = {
    "right": [(659.25, 0.11, 0.08), (880.00, 0.14, 0.10)],                      # E5 -> A5
    "wrong": [(293.66, 0.14, 0.12), (220.00, 0.16, 0.14)],                      # D4 -> A3
    "end": [(523.25, 0.15, 0.12), (659.25, 0.15, 0.12), (783.99, 0.30, 0.18)],  # C-E-G
}
ATTACK, RELEASE = 0.005, 0.01  # ramps so no note starts or stops on a jump (a click)


def synthesize(name: str, rate: int = RATE) -> array.array:
    """Mono signed 16-bit samples of effect `name` at `rate` Hz."""
    out = array.array("h")
    for freq, length, tau in EFFECTS[name]:
        n = round(length * rate)
        for i in range(n):
            t = i / rate
            env = min(1.0, t / ATTACK, (n - i) / (RELEASE * rate)) * math.exp(-t / tau)
            # A little second harmonic makes it bell-like instead of a bare test tone.
            tone = math.sin(2 * math.pi * freq * t) + 0.2 * math.sin(4 * math.pi * freq * t)
            out.append(round(PEAK * env * tone / 1.2))
    return out


def _native_to_le(samples: array.array) -> bytes:
    # WAV data is little-endian whatever the machine is.
    if sys.byteorder == "big":
        samples = array.array("h", samples)
        samples.byteswap()
    return samples.tobytes()


class Sounds:
    """Plays the effects; silent, never raising, when muted or without audio."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.available: bool | None = None  # None until the first enabled play tries the mixer
        self._format = None  # pygame.mixer.get_init() the cached Sounds were built for
        self._cache: dict[str, pygame.mixer.Sound] = {}

    def play(self, name: str) -> None:
        if name not in EFFECTS:
            raise KeyError(name)  # a typo should fail even while muted
        if not self.enabled or self.available is False:
            return
        # A Sound played after mixer.quit() segfaults, so rebuild whenever the mixer changed.
        if self.available is None or pygame.mixer.get_init() != self._format:
            self._open()
        if self.available:
            self._cache[name].play()

    def _open(self) -> None:
        self.available, self._format, self._cache = False, None, {}
        try:
            # No-op if pygame.init() already opened the mixer (at 44100 Hz stereo).
            pygame.mixer.init(frequency=RATE, size=-16, channels=1)
        except pygame.error:
            return  # no audio device: stay silent for the rest of the run
        fmt = pygame.mixer.get_init()
        if not fmt or fmt[1] != -16:
            return
        rate, _, channels = fmt
        for name in EFFECTS:
            mono = synthesize(name, rate)  # at the device's rate, or pitch and length drift
            frames = array.array("h", (s for s in mono for _ in range(channels)))
            self._cache[name] = pygame.mixer.Sound(buffer=frames)
        self.available, self._format = True, fmt


def write_wavs(folder) -> list[Path]:
    """Write each effect to folder/<name>.wav so a person can listen to them."""
    import wave     # only for people who want to listen: not worth importing at start-up
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in EFFECTS:
        path = folder / f"{name}.wav"
        with wave.open(str(path), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes(_native_to_le(synthesize(name)))
        paths.append(path)
    return paths


if __name__ == "__main__":
    for p in write_wavs(sys.argv[1]):
        print(p)
