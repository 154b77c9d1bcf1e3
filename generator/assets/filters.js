/* One filter script for every listing (Explore, resources, stories, ambassadors, modules, calendar). The server
   renders the whole filter form, every card, the count and the empty message, so nothing moves when this runs;
   without JavaScript a <noscript> style hides the form and every list stays complete (long lists through linked
   pages). Python emits all this script knows, as data attributes:
   - form[data-filters="ID ..."]: the lists it filters. Each input's name is a card attribute: a card passes when
     nothing is chosen, when it has no data-<name> (the filter does not apply to it), when data-<name> lists a chosen
     value or "all", or, inside [data-match=max], when its number is no larger than the chosen one. A search input
     matches every word in the card's text. Values within a group widen the list; groups narrow it.
   - [data-card="key"]: a card; the same key under several sections counts once. A card in a [data-section] also
     needs its section to pass; a section with no card shown is hidden.
   - [data-count-for=ID] (data-noun, data-one), [data-empty-for=ID] with [data-suggest], [data-chosen=name].
   - list[data-page-size]: only that many cards show until [data-more-for=ID] (a link to the next page) is used.
   The state lives in the address (?audience=returner,first-time&q=words#hash), replaced on every change, so a
   shared link opens the same list and Back from a card returns to it. Nothing is fetched, stored or sent. */
"use strict";

const enhance = (form) => {
  const inputs = [...form.elements].filter((el) => el.name);
  const names = [...new Set(inputs.map((el) => el.name))];
  const texts = new Set(inputs.filter((el) => el.type === "search").map((el) => el.name));
  const limits = new Set([...form.querySelectorAll("[data-match=max] [name]")].map((el) => el.name));
  const isText = (name) => texts.has(name);
  // Each card's and section's filter values, read once: a tap then only compares strings, never asks the DOM.
  const read = (el, section = el.closest("[data-section]")) => ({
    el, key: el.dataset.card, hidden: el.hidden, section: section && read(section, null),
    values: Object.fromEntries(names.map((name) => [name, el.dataset[name]?.split(" ")])),
  });
  const text = (card) => (card.text ??= card.el.textContent.toLowerCase());
  const lists = form.dataset.filters.split(" ").map((id) => {
    const el = document.getElementById(id);
    const size = Number(el.dataset.pageSize) || Infinity;
    return { id, el, size, limit: size, cards: [...el.querySelectorAll("[data-card]")].map((card) => read(card)) };
  });
  const blank = () => Object.fromEntries(names.map((name) => [name, []]));
  let state = blank();

  const fromForm = () => {
    const s = blank();
    for (const el of inputs) {
      const value = el.value.trim();
      if (value && (el.type === "search" || el.checked)) s[el.name].push(value);
    }
    return s;
  };
  const toForm = (s) => {
    for (const el of inputs) {
      if (el.type === "search") {
        if (el.value.trim() !== s[el.name].join(" ")) el.value = s[el.name].join(" ");
      } else el.checked = el.value ? s[el.name].includes(el.value) : !s[el.name].length;  // "Any" when none
    }
  };
  const fromAddress = () => {
    const s = blank(), query = new URLSearchParams(location.search);
    for (const name of names) {
      const values = isText(name) ? query.getAll(name) : query.getAll(name).join(",").split(",");
      for (const value of values.map((v) => v.trim())) {
        const known = isText(name) || inputs.some((el) => el.name === name && el.value === value);
        if (value && known && !s[name].includes(value)) s[name].push(value);  // unknown values are ignored
      }
    }
    return s;
  };
  const toAddress = (s) => {
    const query = names.filter((name) => s[name].length)
      .map((name) => `${name}=${s[name].map(encodeURIComponent).join(",")}`).join("&");
    history.replaceState(history.state, "", location.pathname + (query ? `?${query}` : "") + location.hash);
  };

  const passes = (el, s) => names.every((name) => {
    const want = s[name];
    if (!want.length) return true;
    if (isText(name)) return !el.key || want.join(" ").toLowerCase().split(/\s+/).every((w) => text(el).includes(w));
    const have = el.values[name];
    if (have === undefined) return true;
    if (limits.has(name)) return Number(have[0]) <= Number(want[0]);
    return have.includes("all") || want.some((value) => have.includes(value));
  });
  const fits = (card, s) => passes(card, s) && (!card.section || passes(card.section, s));
  const tally = (list, s) => new Set(list.cards.filter((card) => fits(card, s)).map((card) => card.key)).size;
  const label = (el) => (el.type === "search" ? "the search words" : el.closest("label").textContent.trim());

  const suggest = (list, s, box) => {
    box.replaceChildren();
    for (const el of inputs.filter((input) => s[input.name].includes(input.value.trim()))) {
      const fewer = { ...s, [el.name]: s[el.name].filter((value) => value !== el.value.trim()) };
      const n = tally(list, fewer);
      if (!n) continue;
      const item = document.createElement("li"), button = document.createElement("button");
      button.type = "button";
      button.className = "ahp-chip";
      button.textContent = `Take away ${label(el)} (${n} to see)`;
      button.addEventListener("click", () => {
        go(fewer);
        document.querySelector(`[data-count-for="${list.id}"]`)?.focus();
      });
      item.append(button);
      box.append(item);
    }
  };

  const show = (s) => {
    state = s;
    const filtered = names.some((name) => s[name].length);
    for (const list of lists) {
      const all = new Set(), fitting = new Set(), shown = new Set();
      for (const card of list.cards) {
        const key = card.key, fit = fits(card, s), ok = fit && (shown.has(key) || shown.size < list.limit);
        all.add(key);
        if (fit) fitting.add(key);
        if (ok) shown.add(key);
        if (card.hidden === ok) card.el.hidden = card.hidden = !ok;
      }
      for (const section of list.el.querySelectorAll("[data-section]")) {
        section.hidden = !section.querySelector("[data-card]:not([hidden])");
      }
      const matching = fitting.size;
      const count = document.querySelector(`[data-count-for="${list.id}"]`);
      if (count) {
        const noun = (n) => (n === 1 ? count.dataset.one : count.dataset.noun);
        count.textContent = filtered ? `${matching} of ${all.size} ${noun(all.size)}` : `${all.size} ${noun(all.size)}`;
      }
      const empty = document.querySelector(`[data-empty-for="${list.id}"]`);
      if (empty) {
        empty.hidden = matching > 0 || all.size === 0;
        const box = empty.querySelector("[data-suggest]");
        if (box && !matching) suggest(list, s, box);
      }
      const more = document.querySelector(`[data-more-for="${list.id}"]`);
      if (more) {
        more.hidden = matching <= shown.size;
        more.querySelector("[data-left]").textContent = matching - shown.size;
      }
    }
    for (const el of form.querySelectorAll("[data-chosen]")) {
      const n = s[el.dataset.chosen].length;
      el.textContent = n ? `(${n} chosen)` : "";
    }
  };

  const go = (s) => {
    for (const list of lists) list.limit = list.size;
    toForm(s);
    show(s);
    toAddress(s);
  };

  for (const list of lists) {
    document.querySelector(`[data-more-for="${list.id}"]`)?.addEventListener("click", (event) => {
      event.preventDefault();
      const before = list.cards.filter((card) => !card.hidden).length;
      list.limit += list.size;
      show(state);
      list.cards.filter((card) => !card.hidden)[before]?.el.querySelector("a")?.focus();
    });
  }
  form.addEventListener("input", () => go(fromForm()));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    go(blank());
  });
  addEventListener("popstate", () => {
    toForm(fromAddress());
    show(fromForm());
  });

  toForm(fromAddress());
  state = fromForm();
  for (const details of form.querySelectorAll("details")) {
    if (details.querySelector("input:checked:not([value=''])")) details.open = true;
  }
  show(state);
};

document.querySelectorAll("form[data-filters]").forEach(enhance);
