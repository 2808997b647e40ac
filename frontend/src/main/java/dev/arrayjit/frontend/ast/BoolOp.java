package dev.arrayjit.frontend.ast;

public enum BoolOp { AND, OR }
