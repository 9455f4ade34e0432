/** Benchmarks of tokenlife; see bench/README.md for how to run each and the recorded figures. */
package io.tokenlife.bench;
