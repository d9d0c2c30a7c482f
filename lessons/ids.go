package lessons

// The lessons' IDs: the short names that `nnmath print`, the menu's filter,
// the quiz's lessons to revisit and the tui use to name a lesson. Catalogue
// lists the lessons in teaching order.
const (
	IDOverview    = "overview"
	IDDie         = "die"
	IDImage       = "image"
	IDDot         = "dot"
	IDSigmoid     = "sigmoid"
	IDLoss        = "loss"
	IDPartial     = "partial"
	IDDescent     = "descent"
	IDChainOutput = "chain-output"
	IDChainHidden = "chain-hidden"
	IDBackward    = "backward"
	IDUpdate      = "update"
	IDTraining    = "training"
	IDSlips       = "slips"
	IDMatrix      = "matrix"

	IDDigitsIntro    = "digits"          // from 2x2 to 28x28
	IDDigitsTraining = "digits-training" // training on 60,000 digits
	IDDigitsAsk      = "digits-ask"      // ask it: the canvas
)
