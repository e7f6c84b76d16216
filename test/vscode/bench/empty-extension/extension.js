// Baseline for the activation benchmark: activation does nothing.
exports.activate = function activate() {};
exports.deactivate = function deactivate() {};
