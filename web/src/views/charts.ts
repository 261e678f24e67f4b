import type { View } from "../nav.js";
export const chartsView: View = (root) => {
  root.textContent = "todo";
};
