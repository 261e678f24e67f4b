import type { View } from "../nav.js";
export const eventView: View = (root) => {
  root.textContent = "todo";
};
