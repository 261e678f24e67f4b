import "./style.css";
import { clear, h } from "./dom.js";
import { link, parseHash, sharedFilters, type View } from "./nav.js";

const NAV: readonly [string, string][] = [
  ["events", "Events"],
  ["map", "Map"],
  ["charts", "Charts"],
  ["network", "Network"],
  ["documents", "Articles"],
  ["paste", "Extract an article"],
];

async function load(name: string): Promise<View | null> {
  switch (name) {
    case "events":
      return (await import("./views/events.js")).eventsView;
    case "event":
      return (await import("./views/event.js")).eventView;
    case "documents":
      return (await import("./views/documents.js")).documentsView;
    case "doc":
      return (await import("./views/document.js")).documentView;
    case "map":
      return (await import("./views/map.js")).mapView;
    case "charts":
      return (await import("./views/charts.js")).chartsView;
    case "network":
      return (await import("./views/network.js")).networkView;
    case "paste":
      return (await import("./views/paste.js")).pasteView;
    default:
      return null;
  }
}

let generation = 0;
async function route(): Promise<void> {
  const { name, arg, params } = parseHash();
  const nav = document.getElementById("nav")!;
  clear(nav);
  const filters = sharedFilters(params);
  for (const [key, label] of NAV)
    nav.append(
      h(
        "a",
        { href: link(key, key === "paste" || key === "documents" ? undefined : filters), class: key === name ? "active" : null },
        label,
      ),
    );
  const root = document.getElementById("app")!;
  const mine = ++generation;
  const view = await load(name);
  if (mine !== generation) return;
  clear(root);
  root.className = `view-${name}`;
  if (!view) {
    root.append(h("p", null, "No such page. ", h("a", { href: "#/events" }, "Go to the events.")));
    return;
  }
  try {
    await view(root, params, arg);
  } catch (e) {
    if (mine !== generation) return;
    root.append(h("p", { class: "error", role: "alert" }, `Could not load this view: ${(e as Error).message}`));
  }
}

window.addEventListener("hashchange", () => void route());
void route();
