// Package testnet builds the networks the tests share: random networks
// drawn from a seed (Random) and named fixtures (TwoTwoTwo, Deep, ...).
// Only _test.go files import it. mathcore's own tests keep their own
// builder, since this package imports mathcore.
package testnet
