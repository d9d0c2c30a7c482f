// Package mnist holds the MNIST handwritten digits (LeCun, Cortes and
// Burges; CC BY-SA 3.0): 60,000 training and 10,000 test images of 28x28
// grey levels with their labels, embedded in the program so that it works
// offline, and decoded the first time they are asked for.
//
// It also converts a picture of any size into a 28x28 image the way the
// data set was made (Convert). It imports no package of the project.
package mnist

import (
	"bufio"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"fmt"
	"io"
	"sync"
)

// Side is the width and height of an image, in pixels; Pixels is their number.
const (
	Side   = 28
	Pixels = Side * Side
)

// TrainSize and TestSize are the numbers of images of the two sets.
const (
	TrainSize = 60000
	TestSize  = 10000
)

// Set is a set of images and their labels. Image k is the Pixels bytes
// Images[k*Pixels:(k+1)*Pixels], row by row from the top, each a darkness
// from 0 (paper) to 255 (ink); Labels[k] is the digit it shows.
type Set struct {
	Images []uint8
	Labels []uint8
}

// Len returns the number of images in s.
func (s *Set) Len() int { return len(s.Labels) }

// Image returns the Pixels darkness values of image k.
func (s *Set) Image(k int) []uint8 { return s.Images[k*Pixels : (k+1)*Pixels] }

// Data is the whole data set: the training images and the test images.
type Data struct {
	Train Set // 60,000 images to learn from
	Test  Set // 10,000 images kept apart to measure with
}

//go:embed data/*.gz
var files embed.FS

// load decodes the data set once, on the first call of Load.
var load = sync.OnceValues(decode)

// Load returns the data set, decoding the embedded files on the first call
// (about half a second) and sharing the result afterwards. The Data it
// returns is shared and must not be changed.
func Load() (*Data, error) { return load() }

func decode() (*Data, error) {
	var d Data
	var err error
	if d.Train, err = decodeSet("train", 60000); err != nil {
		return nil, err
	}
	if d.Test, err = decodeSet("t10k", 10000); err != nil {
		return nil, err
	}
	return &d, nil
}

// decodeSet decodes the images and labels of the files named prefix, which
// hold count images.
func decodeSet(prefix string, count int) (Set, error) {
	images, err := readIDX(prefix+"-images-idx3-ubyte.gz", 0x803, []int{count, Side, Side})
	if err != nil {
		return Set{}, err
	}
	labels, err := readIDX(prefix+"-labels-idx1-ubyte.gz", 0x801, []int{count})
	if err != nil {
		return Set{}, err
	}
	for k, l := range labels {
		if l > 9 {
			return Set{}, fmt.Errorf("mnist: %s label %d is %d, not a digit", prefix, k, l)
		}
	}
	return Set{Images: images, Labels: labels}, nil
}

// readIDX reads the gzipped IDX file name: a magic number, the sizes of
// its dimensions (which must be dims) and the bytes.
func readIDX(name string, magic uint32, dims []int) ([]uint8, error) {
	f, err := files.Open("data/" + name) // reads the embedded bytes in place, without a copy
	if err != nil {
		return nil, fmt.Errorf("mnist: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReaderSize(f, 64<<10))
	if err != nil {
		return nil, fmt.Errorf("mnist: %s: %w", name, err)
	}
	header := make([]uint32, 1+len(dims))
	if err := binary.Read(zr, binary.BigEndian, header); err != nil {
		return nil, fmt.Errorf("mnist: %s: reading the header: %w", name, err)
	}
	if header[0] != magic {
		return nil, fmt.Errorf("mnist: %s: magic number %#x, want %#x", name, header[0], magic)
	}
	size := 1
	for i, d := range dims {
		if int(header[1+i]) != d {
			return nil, fmt.Errorf("mnist: %s: dimension %d is %d, want %d", name, i, header[1+i], d)
		}
		size *= d
	}
	data := make([]uint8, size)
	if _, err := io.ReadFull(zr, data); err != nil {
		return nil, fmt.Errorf("mnist: %s: %w", name, err)
	}
	return data, nil
}
