#!/usr/bin/env node
// Launches the bundled News Lens command line.
require('../dist/cli.js');
