export * from "./specs";
export * from "./data";
export * from "./check";
export * from "./report2023";
export * from "./recognize";
export * from "./templatePlan";
