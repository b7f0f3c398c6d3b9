// The harness entry: the fake main first, then the real window, unchanged.
import './install'
import '../src/main'
