export * from "./input";
export * from "./example";
export * from "./labels";
export * from "./buildPlan";
