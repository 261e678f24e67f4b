import type { View } from "../nav.js";
export const mapView: View = (root) => {
  root.textContent = "todo";
};
