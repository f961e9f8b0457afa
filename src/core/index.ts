// The finance and table core: plain TypeScript on decimal.js, no Office import.
export * from "./decimal";
export * from "./errors";
export * from "./checks";
export * from "./extraCosts";
export * from "./addedValue";
export * from "./occupancy";
export * from "./allocation";
export * from "./quasiInhouse";
export * from "./placementRate";
