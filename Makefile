# The two commands of the README.
.PHONY: serve test bench
serve:
	scripts/serve.sh
test:
	scripts/test.sh
