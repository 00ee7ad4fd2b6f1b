// The student's page of a class on their devices (issue 14; docs/protocol.md). It shows the
// one view the server last sent and sends back a join, a rejoin or an answer; the server
// judges everything. Server text is only ever set with textContent, never parsed as HTML.
"use strict";
(() => {
  const STORE = "byline.seat";      // {code, token, seated}: a reload rejoins the same seat
  const FIRST_DELAY = 500;          // ms before reconnecting; doubles up to LAST_DELAY
  const LAST_DELAY = 5000;
  const VERDICTS = {                // the word comes from the server; the icon and style here
    "Right": "right", "Partly right": "partly", "Not quite": "wrong"};
  const SCREENS = ["join", "connecting", "waiting", "asking", "result", "over"];

  const $ = (id) => document.getElementById(id);
  const ui = {};
  for (const id of ["main", "who", "connection", "announce", "join-form", "code", "name",
                    "join-error", "joined-count", "position", "timer", "quote", "sentence", "article", "article-hint",
                    "credit", "prompt", "notice", "choices", "picker", "words", "send-words",
                    "sure", "sure-pick", "sure-choices", "sure-back", "sent", "sent-pick",
                    "result-position", "verdict", "verdict-icon", "verdict-word", "points",
                    "your-answer", "right-answer", "explanation", "over-score", "over-place"]) {
    ui[id] = $(id);
  }

  // -- what this browser keeps --
  function loadSeat() {
    try {
      return JSON.parse(localStorage.getItem(STORE)) || {};
    } catch (error) {   // storage off (a private window) or a damaged value: start afresh
      return {};
    }
  }
  function saveSeat(seat) {
    try {
      localStorage.setItem(STORE, JSON.stringify(seat));
    } catch (error) { /* no storage: this page still plays, a reload joins again */ }
  }

  let seat = loadSeat();
  // joining: a join waits for its answer; rejoining: a rejoin does; seated: views come.
  let state = "form";
  let socket = null;
  let delay = FIRST_DELAY;
  let retry = null;
  let pendingJoin = null;   // a join typed while the socket was away: sent when it opens
  let shown = "";           // which view is on screen: the same one again only updates
  let askedPosition = 0;    // the question the choices below belong to
  let picked = null;        // {reply, text} chosen, waiting for how sure
  let sentText = "";        // what this page sent for the question on screen
  let notice = "";          // why an answer did not count, shown with the view that follows
  let deadline = null;      // performance.now() when the timer runs out, from the server's count
  let timeUp = false;

  // -- the socket --
  function connect() {
    clearTimeout(retry);
    retry = null;
    if (socket) return;
    const ws = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`);
    socket = ws;
    ws.onopen = () => {
      if (state === "seated" || state === "rejoining") {
        state = "rejoining";
        send({type: "rejoin", token: seat.token});
      } else if (pendingJoin) {
        send(pendingJoin);
      }
    };
    ws.onmessage = (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      if (message && message.v === 1) receive(message);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      away(true);
      retry = setTimeout(connect, delay);
      delay = Math.min(delay * 2, LAST_DELAY);
    };
  }

  function send(message) {
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify({v: 1, ...message}));
    return true;
  }

  // While the socket is away a seated page keeps its screen but cannot be used.
  function away(isAway) {
    const showing = isAway && (state === "seated" || state === "rejoining");
    ui.connection.hidden = !showing;
    ui.main.inert = showing && shown !== "connecting";
  }

  // A phone that wakes or finds its network again reconnects now, not at the next try.
  function soon() {
    if (!socket) {
      delay = FIRST_DELAY;
      connect();
    }
  }
  window.addEventListener("online", soon);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") soon();
  });

  // -- what the server sends --
  function receive(message) {
    switch (message.type) {
      case "joined":
        seat = {code: pendingJoin ? pendingJoin.code : seat.code, token: message.token, seated: true};
        saveSeat(seat);
        pendingJoin = null;
        state = "seated";
        delay = FIRST_DELAY;
        shown = "";         // the view that follows is drawn afresh, its buttons live again
        away(false);
        break;
      case "refused":
        refused(message);
        break;
      case "clock":     // a second of the timer: only the clock changes
        if (!$("asking").hidden && typeof message.seconds_left === "number") {
          setTimer(message.seconds_left);
        }
        break;
      case "waiting": case "asking": case "result": case "over":
        if (state === "seated") render(message);
        break;
    }
  }

  function refused(message) {
    const why = String(message.why || "");
    if (message.reason === "too many" && state === "rejoining") {
      // Too many tries from this network address: the seat is still there, try again later.
      socket.close();
      return;
    }
    if (message.reason && state === "seated" && message.reason !== "too many") {
      notice = why;         // an answer that did not count: the view that follows shows it
      return;
    }
    if (state === "seated" || state === "rejoining") {
      // The seat is gone (removed by the teacher, or a game that ended): join again. The
      // token stays, and goes with the join, so a removed device stays out.
      seat = {...seat, seated: false};
      saveSeat(seat);
      away(false);
    }
    pendingJoin = null;
    state = "form";
    showJoin(why);
  }

  // -- screens --
  function show(id) {
    for (const name of SCREENS) $(name).hidden = name !== id;
  }

  function announce(text) {
    ui.announce.textContent = text;
  }

  // Focus goes to a new screen's heading only if it was lost (on a control that went away):
  // a keyboard user carries on from where they are, and a screen reader reads the change.
  function focusIfLost(element) {
    const active = document.activeElement;
    if (!active || active === document.body || active.offsetParent === null) {
      element.focus({preventScroll: false});
    }
  }

  function showJoin(why) {
    shown = "join";
    ui.who.textContent = "";
    show("join");
    ui["join-error"].textContent = why || "";
    ui["join-error"].hidden = !why;
    if (why) {
      announce(why);
      ui.name.setAttribute("aria-invalid", "true");
      ui.name.setAttribute("aria-describedby", "join-error name-hint");
    } else {
      ui.name.removeAttribute("aria-invalid");
      ui.name.setAttribute("aria-describedby", "name-hint");
    }
    setJoinBusy(false);
    focusIfLost(!ui.code.value ? ui.code : ui.name);
  }

  function setJoinBusy(busy) {
    $("join-button").textContent = busy ? "Joining…" : "Join";
    $("join-button").setAttribute("aria-busy", busy ? "true" : "false");
  }

  function render(view) {
    ui.who.textContent = view.name || "";
    if (view.type === "waiting") showWaiting(view);
    else if (view.type === "asking") showAsking(view);
    else if (view.type === "result") showResult(view);
    else if (view.type === "over") showOver(view);
    notice = "";
  }

  function showWaiting(view) {
    ui["joined-count"].textContent = view.joined === 1 ? "1 player has joined." :
      `${view.joined} players have joined.`;
    if (shown === "waiting") return;
    shown = "waiting";
    show("waiting");
    announce(`You’re in, ${view.name}. Wait for your teacher to start.`);
    focusIfLost($("waiting-title"));
  }

  function showAsking(view) {
    const key = `asking ${view.position} ${view.answered}`;
    if (shown === key) {
      setTimer(view.seconds_left);
      showNotice();
      return;
    }
    const fresh = view.position !== askedPosition;
    shown = key;
    if (fresh) {
      askedPosition = view.position;
      picked = null;
      sentText = "";
    }
    show("asking");
    ui.position.textContent = `Question ${view.position} of ${view.total}`;
    ui.sentence.textContent = view.sentence || "";
    ui.credit.textContent = view.credit || "";
    ui.credit.hidden = !view.credit;
    // For "spot the opinion words" the sentence is its words, as buttons.
    ui.sentence.hidden = !view.sentence || view.words.length > 0;
    // A question about the whole article: the article, as the projector shows it.
    const paragraphs = Array.isArray(view.article) ? view.article : [];
    ui.article.replaceChildren(...paragraphs.map((text) => {
      const p = document.createElement("p");
      p.textContent = text;
      return p;
    }));
    ui.article.hidden = paragraphs.length === 0;
    ui["article-hint"].hidden = ui.article.hidden;
    ui.article.scrollTop = 0;
    ui.quote.hidden = ui.sentence.hidden && ui.credit.hidden && ui.article.hidden;
    ui.prompt.textContent = view.prompt;
    buildChoices(view);
    buildWords(view);
    buildSure(view);
    $("send-words").disabled = false;     // after a sent answer (built ones are new)
    ui["sure-back"].disabled = false;
    ui.sent.hidden = !view.answered;
    ui["sent-pick"].textContent = sentText ? `You answered: ${sentText}` : "";
    ui["sent-pick"].hidden = !sentText;
    step(view.answered ? "sent" : picked ? "sure" : "answer", view);
    setTimer(view.seconds_left);
    showNotice();
    if (view.answered) {
      announce("Answer sent — wait for the reveal.");
      focusIfLost($("sent-title"));
    } else {
      announce(`Question ${view.position} of ${view.total}. ${view.prompt}`);
      if (fresh) focusIfLost(ui.prompt);
    }
  }

  // Which part of a question is on: its answers, the how-sure step, or "sent".
  function step(part, view) {
    const words = view.words.length > 0;
    ui.choices.hidden = part !== "answer" || words;
    ui.picker.hidden = part !== "answer" || !words;
    ui.sure.hidden = part !== "sure";
    ui.sent.hidden = part !== "sent";
  }

  function showNotice() {
    ui.notice.textContent = notice;
    ui.notice.hidden = !notice;
    if (notice) announce(notice);
  }

  function answerButton(label, text, onClick) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "answer";
    const key = document.createElement("span");
    key.className = "key";
    key.setAttribute("aria-hidden", "true");
    key.textContent = label;
    const words = document.createElement("span");
    words.className = "text";
    words.textContent = text;
    button.append(key, words);
    button.addEventListener("click", onClick);
    return button;
  }

  function buildChoices(view) {
    ui.choices.replaceChildren(...view.choices.map((choice, i) =>
      answerButton(i < 9 ? String(i + 1) : "", choice.text,
                   () => choose(view, choice.id, choice.text))));
  }

  function buildWords(view) {
    ui.words.replaceChildren(...view.words.map((word, i) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "word";
      button.dataset.index = String(i);
      button.setAttribute("aria-pressed", "false");
      button.textContent = word;
      button.addEventListener("click", () => {
        const on = button.getAttribute("aria-pressed") !== "true";
        button.setAttribute("aria-pressed", on ? "true" : "false");
      });
      return button;
    }));
    $("send-words").onclick = () => {
      const chosen = [...ui.words.querySelectorAll('[aria-pressed="true"]')];
      if (chosen.length === 0) {
        notice = "Tap at least one word first.";
        showNotice();
        notice = "";
        return;
      }
      choose(view, chosen.map((b) => Number(b.dataset.index)),
             chosen.map((b) => b.textContent).join(", "));
    };
  }

  function buildSure(view) {
    ui["sure-choices"].replaceChildren(...view.how_sure.map((word, i) =>
      answerButton(String(i + 1), word.charAt(0).toUpperCase() + word.slice(1), () => {
        if (picked) sendAnswer(picked.reply, picked.text, word);
      })));
    ui["sure-back"].onclick = () => {
      picked = null;
      step("answer", view);
      const first = ui.choices.hidden ? ui.words.querySelector("button") :
        ui.choices.querySelector("button");
      (first || ui.prompt).focus();
    };
    if (picked) ui["sure-pick"].textContent = `Your answer: ${picked.text}`;
  }

  function choose(view, reply, text) {
    if (timeUp) return;
    if (view.how_sure.length === 0) {
      sendAnswer(reply, text);
      return;
    }
    picked = {reply, text};
    ui["sure-pick"].textContent = `Your answer: ${text}`;
    step("sure", view);
    announce(`Your answer: ${text}. How sure are you?`);
    $("sure-title").focus();
  }

  function sendAnswer(reply, text, sure) {
    const message = {type: "answer", reply};
    if (sure) message.sure = sure;
    if (!send(message)) return;
    sentText = sure ? `${text} (${sure})` : text;
    // The buttons wait for the server's view ("sent") so a double tap sends one answer.
    for (const button of document.querySelectorAll("#asking button")) button.disabled = true;
  }

  // -- the timer: counted down here between the server's updates; the server's count wins --
  function setTimer(seconds) {
    const none = seconds === null || seconds === undefined;
    deadline = none ? null : performance.now() + seconds * 1000;
    ui.timer.textContent = "";
    // Only the server says time is up: this page's clock may run ahead of it.
    const up = !none && seconds <= 0;
    if (up || up !== timeUp) {
      timeUp = up;
      for (const button of document.querySelectorAll("#choices button, #picker button, #sure button")) {
        button.disabled = up;
      }
    }
    showTimer();
  }

  function showTimer() {
    if (deadline === null) return;
    const left = Math.max(0, Math.ceil((deadline - performance.now()) / 1000));
    ui.timer.textContent = timeUp ? "Time is up — wait for the reveal" : `${left} s left`;
    ui.timer.classList.toggle("low", left <= 5);
  }
  setInterval(showTimer, 250);

  function showResult(view) {
    setTimer(null);
    const key = `result ${view.position}`;
    if (shown === key) return;
    shown = key;
    show("result");
    const kind = view.verdict === null ? "none" : VERDICTS[view.verdict] || "wrong";
    ui["result-position"].textContent = `Question ${view.position}`;
    ui.verdict.className = `verdict ${kind}`;
    ui["verdict-icon"].replaceChildren(icon(kind));
    ui["verdict-word"].textContent = view.verdict === null ? "No answer" : view.verdict;
    const points = view.points > 0 ? `+${view.points}` : view.points < 0 ?
      `\u2212${-view.points}` : "0";
    const parts = [`${points} points`, `Score ${view.score}`];
    if (view.place !== null && view.place !== undefined) parts.push(`Place ${view.place}`);
    // Each part kept whole on a narrow screen: "Place" never parts from its number.
    ui.points.replaceChildren(...parts.flatMap((text, i) => {
      const part = document.createElement("span");
      part.className = "part";
      part.textContent = text;
      return i ? [" · ", part] : [part];
    }));
    ui["your-answer"].textContent = view.sure ? `${view.your_answer} (${view.sure})` :
      view.your_answer;
    ui["right-answer"].textContent = view.right_answer;
    ui.explanation.textContent = view.explanation;
    announce(`${ui["verdict-word"].textContent}. ${ui.points.textContent}.`);
    focusIfLost(ui.verdict);
  }

  function showOver(view) {
    setTimer(null);
    if (shown === "over") return;
    shown = "over";
    show("over");
    ui["over-score"].textContent = `Your score: ${view.score}`;
    ui["over-place"].textContent = `Place ${view.place} of ${view.of}`;
    announce(`Game over. Your score: ${view.score}. Place ${view.place} of ${view.of}.`);
    focusIfLost($("over-title"));
  }

  // A tick, a half circle, a cross or a dash: drawn, so no font can miss the glyph.
  function icon(kind) {
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("focusable", "false");
    const path = document.createElementNS(NS, "path");
    path.setAttribute("d", {
      right: "M4 12.5l5 5L20 6.5",
      partly: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 3v18",
      wrong: "M5.5 5.5l13 13M18.5 5.5l-13 13",
      none: "M5 12h14",
    }[kind]);
    svg.append(path);
    return svg;
  }

  // -- joining --
  ui["join-form"].addEventListener("submit", (event) => {
    event.preventDefault();
    const code = ui.code.value.trim();
    const name = ui.name.value.trim();
    if (!code || !name) {
      showJoin(!code ? "Type the code on the board." : "Type your name.");
      (!code ? ui.code : ui.name).focus();
      return;
    }
    pendingJoin = {type: "join", code, name};
    if (seat.token) pendingJoin.token = seat.token;
    state = "joining";
    setJoinBusy(true);
    ui["join-error"].hidden = true;
    if (!send(pendingJoin)) soon();
  });

  // -- the keys: 1 to 9 pick the answer (or how sure) with that number --
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    if (event.target instanceof HTMLInputElement) return;
    if (!/^[1-9]$/.test(event.key) || $("asking").hidden || ui.main.inert) return;
    const group = !ui.sure.hidden ? ui["sure-choices"] : !ui.choices.hidden ? ui.choices : null;
    const button = group && group.querySelectorAll("button")[Number(event.key) - 1];
    if (button && !button.disabled) {
      event.preventDefault();
      button.focus();
      button.click();
    }
  });

  // -- the start: the code from the board's QR code, and the seat this browser had --
  const fromLink = (new URLSearchParams(location.search).get("code") || "").trim();
  ui.code.value = fromLink || seat.code || "";
  const sameGame = !fromLink || fromLink.toUpperCase() === String(seat.code || "").toUpperCase();
  if (seat.seated && seat.token && sameGame) {
    state = "rejoining";
    shown = "connecting";
    show("connecting");
  } else {
    showJoin("");
  }
  connect();
})();
