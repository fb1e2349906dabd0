/** Official reports (issue 16): built in the next change. */
export {};
