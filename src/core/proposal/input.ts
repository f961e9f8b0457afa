// The inputs of a lump-sum proposal (./types.ts) and their validation (./validation/), validated
// before anything is built or written.
export * from "./types";
export { validateProposalInput } from "./validation";
