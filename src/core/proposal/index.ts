export * from "./input";
export * from "./example";
export * from "./labels";
export * from "./buildPlan";
export * from "./readInputs";
export * from "./summary";
export * from "./rollForward";
export * from "./missing";
