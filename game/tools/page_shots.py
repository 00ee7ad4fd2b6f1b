"""The student's page as PNGs, to look at (issue 14): `python -m game.tools.page_shots DIR`
runs a room of the shipped bank on loopback, joins a device in Debian's headless Chromium
and saves every screen it goes through, whole (full page), at phone (360×640) and laptop
(1280×800) sizes: the join form and a refused name, waiting, each kind of question, how
sure, answer sent, a right and a wrong result, reconnecting, and the end."""
import sys
from pathlib import Path

from game.quiz.round import RoundSetup
from game.tools.loopback import Classroom, launch, one_of_each

SIZES = ((360, 640), (1280, 800))


def wrong_choice(q) -> int:
    return next(i for i in range(len(q.choices)) if i != q.answer and i not in q.also)


def shoot(browser, folder: Path, size: tuple[int, int]) -> list[Path]:
    questions, credit = one_of_each()
    room = Classroom(questions, RoundSetup(count=5, confidence=True, timer_seconds=60),
                     credit)
    # Reduced motion: no screen is caught halfway through its fade-in.
    context = browser.new_context(viewport={"width": size[0], "height": size[1]},
                                  reduced_motion="reduce")
    page = context.new_page()
    saved = []

    def shot(name: str, screen: str) -> None:
        page.locator(f"#{screen}").wait_for(state="visible")
        page.mouse.move(0, 0)          # no hover left on the last button clicked
        path = folder / f"{size[0]}x{size[1]}-{len(saved) + 1:02d}-{name}.png"
        page.screenshot(path=path, full_page=True)
        saved.append(path)

    def shown(selector: str) -> None:
        page.locator(selector).wait_for(state="visible")

    try:
        # Someone else is Ana already.
        other = context.browser.new_context()
        other_page = other.new_page()
        other_page.goto(room.address + "/?code=" + room.room.code)
        other_page.fill("#name", "Ana")
        other_page.click("#join-button")
        other_page.locator("#waiting").wait_for(state="visible")

        page.goto(room.address + "/?code=" + room.room.code)
        shot("join", "join")
        page.fill("#name", "ana")
        page.click("#join-button")
        shown("#join-error")
        shot("join-name-taken", "join")
        page.fill("#name", "Ana María Fernández")
        page.click("#join-button")
        shot("waiting", "waiting")
        room.act(lambda r: r.start())

        for n, q in enumerate(questions):
            shown("#prompt")
            page.locator("#position").filter(has_text=f"Question {n + 1} ").wait_for()
            if q.skill == "opinion_words":
                for i in sorted(q.cue_words)[:2]:
                    page.click(f'#words button[data-index="{i}"]')
                shot(q.skill.replace("_", "-"), "asking")
                page.click("#send-words")
            else:
                shot(q.skill.replace("_", "-"), "asking")
                right = n != 1          # the second question is answered wrong
                page.keyboard.press(str((q.answer if right else wrong_choice(q)) + 1))
            shown("#sure")
            if n == 0:
                shot("how-sure", "asking")
            page.keyboard.press("2")
            shown("#sent")
            if n == 0:
                shot("answer-sent", "asking")
            room.act(lambda r: r.reveal())
            if n in (0, 1):
                shot("result-right" if n == 0 else "result-wrong", "result")
            else:
                shown("#result")
            if n == 2:
                room.stop_server()
                shown("#connection")
                shot("reconnecting", "result")
                room.start_server()
                page.locator("#connection").wait_for(state="hidden")
            room.act(lambda r: r.next())
        shot("over", "over")
        other.close()
    finally:
        context.close()
        room.close()
    return saved


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m game.tools.page_shots DIR", file=sys.stderr)
        return 2
    folder = Path(args[0])
    folder.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for size in SIZES:
                for path in shoot(browser, folder, size):
                    print(path)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
