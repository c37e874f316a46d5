// segbot demo console: send as a member, poll what the simulated WeCom client received.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const member = $("member"), box = $("messages"), text = $("text"), form = $("composer");
  const typing = document.createElement("div");
  typing.className = "typing";
  typing.setAttribute("data-testid", "typing");
  box.after(typing);
  const error = document.createElement("div");
  error.className = "error";
  typing.after(error);
  let lastRendered = "", waiting = false, following = true;

  const saved = localStorage.getItem("segbot.member");
  if (saved && [...member.options].some((o) => o.value === saved)) member.value = saved;
  else {
    const sales = [...member.options].find((o) => o.dataset.role === "sales");
    if (sales) member.value = sales.value;
  }

  function el(tag, cls, content) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  // WeCom markdown: **bold**, [text](url), > quote, <font color=...>, line breaks. Text only,
  // built with DOM nodes so nothing the bot sends is parsed as HTML.
  function markdown(src) {
    const wrap = el("div", "bubble md");
    src.replace(/<\/?font[^>]*>/g, "").split("\n").forEach((line) => {
      const p = el("p");
      let rest = line.replace(/^>\s?/, "").replace(/^#+\s*/, "");
      const re = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)]+)\)/;
      let m;
      while ((m = re.exec(rest))) {
        p.append(rest.slice(0, m.index));
        if (m[1] !== undefined) p.append(el("strong", null, m[1]));
        else {
          const a = el("a", null, m[2]);
          if (/^https?:\/\//.test(m[3])) a.href = m[3];
          p.append(a);
        }
        rest = rest.slice(m.index + m[0].length);
      }
      p.append(rest);
      wrap.append(p);
    });
    return wrap;
  }

  function fileNode(msg) {
    const f = el("div", "file");
    const name = msg.file_name || "file";
    f.append(el("span", "icon", (name.split(".").pop() || "FILE").toUpperCase().slice(0, 4)));
    const a = el("a", null, name);
    a.href = "/console/media/" + encodeURIComponent(msg.file.media_id);
    a.setAttribute("download", name);
    a.setAttribute("data-testid", "file-link");
    f.append(a);
    return f;
  }

  // A chart the bot sends (a breakdown's, the digest's): shown as WeCom shows an image.
  function imageNode(msg) {
    const img = el("img", "chart");
    img.src = "/console/media/" + encodeURIComponent(msg.image.media_id);
    img.alt = "图表 · chart";
    img.setAttribute("data-testid", "image");
    // Its height is known once loaded: keep the latest message in view if it was.
    img.addEventListener("load", () => { if (following) box.scrollTop = box.scrollHeight; });
    const full = el("a", "chart-link");  // tapped: the chart at its own size
    full.href = img.src;
    full.target = "_blank";
    full.rel = "noopener";
    full.append(img);
    return full;
  }

  function cardNode(msg) {
    const update = msg.update || {};
    const card = (update.template_card && update.template_card.card_type) ? update.template_card : msg.template_card;
    const c = el("div", "card");
    c.setAttribute("data-testid", "card");
    const main = card.main_title || {};
    if (main.title) c.append(el("div", "title", main.title));
    if (main.desc) c.append(el("div", "desc", main.desc));
    if (card.sub_title_text) c.append(el("div", "sub", card.sub_title_text));
    const rows = card.horizontal_content_list || [];
    if (rows.length) {
      const dl = el("dl");
      rows.forEach((r) => { dl.append(el("dt", null, r.keyname || "")); dl.append(el("dd", null, r.value || "")); });
      c.append(dl);
    }
    // WeCom replaces the buttons after a click: with the update's button text, or with the
    // updated card's own replace_text (the outcome is then in its sub_title_text).
    const updatedCard = update.template_card && update.template_card.card_type;
    const replaced = (update.button && update.button.replace_name) || (updatedCard && card.replace_text);
    if (replaced) { c.append(el("div", "done", replaced)); return c; }
    const buttons = card.button_list || [];
    if (buttons.length) {
      const bar = el("div", "buttons");
      buttons.forEach((b) => {
        const btn = el("button", b.style === 1 || b.style === undefined ? "primary" : "", b.text || b.key);
        btn.type = "button";
        btn.disabled = Boolean(msg.clicked);
        btn.addEventListener("click", () => click(card.task_id, b.key, b.text || b.key));
        bar.append(btn);
      });
      c.append(bar);
      if (msg.clicked) c.append(el("div", "done", "已提交，等待处理…"));
    }
    return c;
  }

  function messageNode(msg) {
    if (msg.msgtype === "click") return el("div", "note-line", "你点击了「" + msg.click.label + "」");
    const mine = msg.from === "me";
    const row = el("div", "msg " + (mine ? "me" : "bot"));
    row.setAttribute("data-testid", mine ? "msg-me" : "msg-bot");
    row.append(el("span", "avatar" + (mine ? "" : " bot"), mine ? (member.selectedOptions[0]?.text || "我").slice(0, 1) : "S"));
    let body;
    if (msg.msgtype === "text") body = el("div", "bubble", msg.text.content);
    else if (msg.msgtype === "markdown") body = markdown(msg.markdown.content || "");
    else if (msg.msgtype === "file") body = fileNode(msg);
    else if (msg.msgtype === "image" && msg.image && msg.image.media_id) body = imageNode(msg);
    else if (msg.msgtype === "template_card") body = cardNode(msg);
    else if (msg.msgtype === "textcard") body = el("div", "bubble", (msg.textcard.title || "") + "\n" + (msg.textcard.description || ""));
    else body = el("div", "bubble", "[" + msg.msgtype + "]");
    row.append(body);
    return row;
  }

  function render(messages) {
    const key = JSON.stringify(messages);
    if (key === lastRendered) return;
    lastRendered = key;
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
    box.replaceChildren(...messages.map(messageNode));
    if (!messages.length) box.append(el("p", "empty", "还没有消息。Ask something on the left, or type below."));
    following = atBottom || waiting;
    if (following) box.scrollTop = box.scrollHeight;
    const last = messages[messages.length - 1];
    waiting = Boolean(last && last.from === "me");
    typing.textContent = waiting ? "segbot 正在处理…" : "";
  }

  async function poll() {
    if (!member.value) return;
    try {
      const r = await fetch("/console/api/conversation?userid=" + encodeURIComponent(member.value));
      if (r.ok) render((await r.json()).messages);
    } catch (e) { /* the server may be restarting; the next poll tries again */ }
  }

  async function post(url, body) {
    error.textContent = "";
    const r = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    if (!r.ok) error.textContent = ((await r.json().catch(() => ({}))).error) || ("HTTP " + r.status);
    await poll();
  }

  function send(content) {
    content = content.trim();
    if (!content || !member.value) return;
    text.value = "";
    return post("/console/api/send", { userid: member.value, text: content });
  }

  function click(taskId, key, label) {
    return post("/console/api/click", { userid: member.value, task_id: taskId, key: key, label: label });
  }

  form.addEventListener("submit", (e) => { e.preventDefault(); send(text.value); });
  text.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(text.value); }
  });
  document.querySelectorAll(".chip").forEach((b) => b.addEventListener("click", () => send(b.textContent)));
  member.addEventListener("change", () => {
    localStorage.setItem("segbot.member", member.value);
    $("who").textContent = member.selectedOptions[0]?.text || "";
    lastRendered = "";
    poll();
  });
  $("who").textContent = member.selectedOptions[0]?.text || "";
  poll();
  setInterval(poll, 1000);
})();
