// The search page: runs Pagefind's index in the browser and keeps the search in the URL.
// The form is the state: its fields (q, sort, and one checkbox per facet value) are what
// the address holds, so a search can be shared, bookmarked and restored on reload.
// The index comes in a few Pagefind bundles by age (data-shards, newest first, each with
// its folder and years): the newest is loaded and the others are merged into it, so one
// search covers every year.
// What it says comes from the page (data-say-*, from the catalogs), in the page's language.

// Ten results a page: each result shown fetches its excerpt, and a reader's first search
// should stay light on a slow link (BENCHMARKS.md, "First search at 10,000").
const PAGE_SIZE = 10;
const TYPING_PAUSE_MS = 250;
const FACETS = ["tag", "spokesperson", "year", "location"];

const form = document.getElementById("search");
const query = document.getElementById("search-q");
const status = document.getElementById("search-status");
const resultList = document.getElementById("search-results");
const follow = document.getElementById("search-follow");

let pagefind;
let totalFilters = {}; // facet counts over every briefing
let latest = 0; // only the newest search may draw its results
let typingTimer;
let followMap = null; // the pages and feeds a search can follow (data-follow)
let followLoading = null; // its download, started by the first search on one tag
let shards = []; // the index's bundles, newest first: { folder, years } (data-shards)

const lang = document.documentElement.lang || "en";
const messages = Object.fromEntries(
  [...form.attributes]
    .filter((attribute) => attribute.name.startsWith("data-say-"))
    .map((attribute) => [attribute.name.slice("data-say-".length), attribute.value]),
);
const numbers = new Intl.NumberFormat(lang);
const plurals = new Intl.PluralRules(lang);

// The page's message `name`, its {placeholders} filled (numbers written in the page's language).
function say(name, values = {}) {
  return (messages[name] || "").replace(/\{(\w+)\}/g, (whole, key) => {
    if (!(key in values)) return whole;
    return typeof values[key] === "number" ? numbers.format(values[key]) : values[key];
  });
}

// Facet values read in the order a reader expects: newest year first, others A to Z.
function sortedValues(name, counts) {
  const values = Object.keys(counts);
  return name === "year" ? values.sort().reverse() : values.sort((a, b) => a.localeCompare(b));
}

function buildFacets(allFilters) {
  for (const name of FACETS) {
    const list = form.querySelector(`fieldset[data-filter="${name}"] ul`);
    const counts = allFilters[name] || {};
    for (const value of sortedValues(name, counts)) {
      const item = document.createElement("li");
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = name;
      box.value = value;
      const count = document.createElement("span");
      count.className = "count";
      label.append(box, ` ${value} `, count);
      item.append(label);
      list.append(item);
    }
    showCounts(name, counts);
  }
}

function showCounts(name, counts) {
  for (const box of form.querySelectorAll(`input[name="${name}"]`)) {
    box.parentElement.querySelector(".count").textContent = `(${counts[box.value] || 0})`;
  }
}

function questionsOnly() {
  return form.elements.content.checked;
}

// A question's section on its page: Pagefind splits pages at headings with an id (#q-3).
function questionSections(data) {
  return (data.sub_results || []).filter((sub) => /#q-\d+$/.test(sub.url));
}

function chosenFilters() {
  const filters = {};
  for (const name of FACETS) {
    const values = [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((b) => b.value);
    // Within one facet any chosen value matches; across facets every facet must.
    if (values.length) filters[name] = { any: values };
  }
  // Briefings with questions and answers only; their results then lead to the questions.
  if (questionsOnly()) filters.content = { any: ["questions"] };
  return filters;
}

// Write the form into the address, leaving out empty fields.
function saveState() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (value) params.append(key, value);
  }
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

function restoreState() {
  const params = new URLSearchParams(location.search);
  // Words typed while the index loaded are kept; an address with a query wins.
  if (params.has("q")) query.value = params.get("q");
  form.elements.sort.value = params.get("sort") === "date" ? "date" : "";
  form.elements.content.checked = params.get("content") === "questions";
  for (const name of FACETS) {
    const wanted = new Set(params.getAll(name));
    const boxes = form.querySelectorAll(`input[name="${name}"]`);
    for (const box of boxes) box.checked = wanted.has(box.value);
    if ([...boxes].some((box) => box.checked)) facetDetails(name).open = true;
  }
}

function facetDetails(name) {
  return form.querySelector(`fieldset[data-filter="${name}"]`).closest("details");
}

// Decode a piece of Pagefind's escaped text. A detached <textarea> parses its content as
// plain text (entities only, never elements), and keeps every space.
const decoder = document.createElement("textarea");
function decodeText(escaped) {
  decoder.innerHTML = escaped;
  return decoder.value;
}

// Pagefind's excerpt is text with <mark> around matches: rebuild it as nodes, never as HTML.
function excerptNodes(excerpt) {
  const nodes = [];
  let marked = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>" || part === "</mark>") {
      marked = part === "<mark>";
      continue;
    }
    const text = decodeText(part);
    if (!text) continue;
    if (marked) {
      const mark = document.createElement("mark");
      mark.textContent = text;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(text));
    }
  }
  return nodes;
}

// Pagefind's excerpt is a window of whole words from the page's text: say where it leaves
// text out with an ellipsis at that end, so an excerpt never seems to start mid-sentence.
export function withEllipses(excerpt, content) {
  const plain = decodeText(excerpt.replace(/<\/?mark>/g, "")).replace(/\s+/g, " ").trim();
  const text = (content || "").replace(/\s+/g, " ").trim();
  if (!plain) return "";
  const at = text.indexOf(plain);
  const cutBefore = at !== 0;
  const cutAfter = at < 0 || at + plain.length < text.length;
  const trimmed = excerpt.trim();
  return `${cutBefore ? "… " : ""}${trimmed}${cutAfter ? " …" : ""}`;
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "briefing-meta";
  const spokespeople = (data.filters.spokesperson || []).join(", ");
  meta.textContent = [data.meta.date, spokespeople && say("spokesperson", { names: spokespeople })]
    .filter(Boolean)
    .join(" · ");
  const excerpt = document.createElement("p");
  excerpt.className = "search-excerpt";
  excerpt.append(...excerptNodes(withEllipses(data.excerpt || "", data.content)));
  item.append(heading, meta, excerpt);
  // A match inside a question or its answer leads to that question's anchor.
  const questions = questionSections(data).slice(0, 3);
  if (questions.length) {
    if (questionsOnly()) link.href = questions[0].url;
    const list = document.createElement("ul");
    list.className = "search-questions";
    for (const sub of questions) {
      const entry = document.createElement("li");
      const subLink = document.createElement("a");
      subLink.href = sub.url;
      subLink.textContent = sub.title;
      const subExcerpt = document.createElement("span");
      subExcerpt.className = "search-excerpt";
      subExcerpt.append(" ", ...excerptNodes(sub.excerpt || ""));
      entry.append(subLink, subExcerpt);
      list.append(entry);
    }
    item.append(list);
  }
  return item;
}

async function showResults(results, from, ticket) {
  const page = await Promise.all(results.slice(from, from + PAGE_SIZE).map((r) => r.data()));
  if (ticket !== latest) return;
  resultList.append(...page.map(resultItem));
  document.querySelector(".search-more")?.remove();
  if (from + PAGE_SIZE < results.length) {
    const more = document.createElement("button");
    more.type = "button";
    more.className = "search-more";
    more.textContent = say("more", { count: results.length - from - PAGE_SIZE });
    more.addEventListener("click", () => {
      const first = resultList.children.length;
      showResults(results, from + PAGE_SIZE, ticket).then(() => {
        resultList.children[first]?.querySelector("a")?.focus();
      });
    });
    resultList.after(more);
  }
}

// Pagefind sorts each bundle's index on its own, then merges them by score, which for a
// sort is a briefing's place inside its own bundle: the bundles would interleave. Each
// holds its own years (the year facet tells them apart), so ask bundle by bundle, newest
// first, and join.
async function newestFirst(term, filters, sort, search) {
  const counts = search.filters.year || {};
  const chosen = filters.year?.any;
  const wanted = (year) => counts[year] > 0 && (!chosen || chosen.includes(year));
  const parts = shards.map((shard) => shard.years.filter(wanted)).filter((years) => years.length);
  if (parts.length < 2) return search.results;
  const byShard = await Promise.all(
    parts.map((years) =>
      pagefind.search(term || null, { filters: { ...filters, year: { any: years } }, sort }),
    ),
  );
  const results = byShard.flatMap((part) => part.results);
  // The same briefings in another order; should the years not add up, Pagefind's own order.
  return results.length === search.results.length ? results : search.results;
}

// "Follow this search": one tag, and at most one year or one spokesperson, is a page the
// archive has built, with its feeds. Links are made as nodes, their text set as text.
function followTarget(filters) {
  const tags = filters.tag?.any || [];
  if (!followMap || tags.length !== 1 || filters.location) return null;
  const tag = followMap.tag[tags[0]];
  const years = filters.year?.any || [];
  const people = filters.spokesperson?.any || [];
  if (!tag || years.length + people.length > 1) return null;
  if (years.length) return tag.year[years[0]] || null;
  if (people.length) return tag.spokesperson[people[0]] || null;
  return { ...tag, title: say("tagged", { tag: tags[0] }) };
}

// The map is fetched the first time a search has one tag (it names every tag's pages):
// searches without a tag, most first searches, never download it.
async function showFollow(filters, ticket) {
  if (!followMap && filters.tag?.any?.length === 1) {
    await loadFollowMap();
    if (ticket !== latest) return;
  }
  const target = followTarget(filters);
  follow.replaceChildren();
  follow.hidden = !target;
  if (!target) return;
  const link = (href, text, type) => {
    const anchor = document.createElement("a");
    anchor.href = new URL(href, new URL(form.dataset.siteRoot, document.baseURI)).href;
    anchor.textContent = text;
    if (type) anchor.type = type;
    return anchor;
  };
  const page = link(target.url, target.title);
  // A page in another language (the search page's language has none of its own) says so.
  if (target.lang && target.lang !== lang) {
    page.lang = target.lang;
    page.hreflang = target.lang;
  }
  follow.append(`${say("follow")} `, page);
  if (target.atom) follow.append(" · ", link(target.atom, say("atom"), "application/atom+xml"));
  if (target.json) follow.append(" · ", link(target.json, say("json"), "application/feed+json"));
}

async function fetchFollowMap() {
  if (!form.dataset.follow) return;
  try {
    const response = await fetch(form.dataset.follow);
    if (response.ok) followMap = await response.json();
  } catch (error) {
    console.error("search: no follow map", error);
  }
}

function loadFollowMap() {
  followLoading ??= fetchFollowMap();
  return followLoading;
}

async function runSearch() {
  const ticket = ++latest;
  saveState();
  const term = query.value.trim();
  const filters = chosenFilters();
  showFollow(filters, ticket);
  if (!term && !Object.keys(filters).length) {
    resultList.replaceChildren();
    document.querySelector(".search-more")?.remove();
    status.textContent = say("prompt");
    for (const name of FACETS) showCounts(name, totalFilters[name] || {});
    return;
  }
  const sort = form.elements.sort.value === "date" ? { date: "desc" } : undefined;
  const search = await pagefind.search(term || null, { filters, sort });
  const results = sort ? await newestFirst(term, filters, sort, search) : search.results;
  if (ticket !== latest) return;
  for (const name of FACETS) showCounts(name, search.filters[name] || {});
  const count = results.length;
  const plural = plurals.select(count) === "one" ? "one" : "other";
  const name = count ? `found_${plural}` : "none";
  status.textContent = say(term ? `${name}_term` : name, { count, term });
  resultList.replaceChildren();
  document.querySelector(".search-more")?.remove();
  await showResults(results, 0, ticket);
}

async function start() {
  shards = JSON.parse(form.dataset.shards || "[]");
  if (!shards.length) {
    status.textContent = say("empty");
    return;
  }
  const bundle = new URL(form.dataset.bundle, document.baseURI);
  const shardIndex = (shard) => new URL(`${shard.folder}/`, bundle);
  // The newest bundle's pagefind.js loads Pagefind (its WebAssembly and worker, from beside
  // it); the other bundles' indexes only bring their words, filters and pages.
  pagefind = await import(new URL("pagefind.js", shardIndex(shards[0])).href);
  // Result addresses are relative to the site's root, wherever the site is served from.
  const options = {
    baseUrl: new URL(form.dataset.siteRoot, document.baseURI).pathname,
    excerptLength: 30,
  };
  await pagefind.options(options);
  await pagefind.init();
  await Promise.all(
    shards.slice(1).map((shard) => pagefind.mergeIndex(shardIndex(shard).pathname, options)),
  );
  totalFilters = await pagefind.filters();
  buildFacets(totalFilters);
  restoreState();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    runSearch();
  });
  query.addEventListener("input", () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(runSearch, TYPING_PAUSE_MS);
  });
  form.addEventListener("change", (event) => {
    if (event.target !== query) runSearch();
  });
  await runSearch();
}

start().catch((error) => {
  status.textContent = say("failed");
  console.error("search:", error);
});
