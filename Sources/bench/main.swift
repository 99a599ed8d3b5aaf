// Benchmarks for the review: run with `swift run -c release bench`. Prints figures and ratios; asserts nothing.
CreateProductBenchmark.run()
AlertsBenchmark.run()
