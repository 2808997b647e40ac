package dev.arrayjit.typeinfer.ir;

/** How a new array's memory starts: uninitialised (np.empty), zeros or ones. */
public enum Fill { EMPTY, ZEROS, ONES }
