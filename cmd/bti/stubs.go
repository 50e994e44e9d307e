package main

import "io"

func cmdServe(args []string, stdout, stderr io.Writer) int { return 2 }
func cmdNew(args []string, stdout, stderr io.Writer) int   { return 2 }
