package formfield

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// minUnderscores is how many underscores make a field.
const minUnderscores = 3

// isUnderscoreLine reports whether line holds only underscores (at least
// three) and white space.
func isUnderscoreLine(line []byte) bool {
	t := bytes.TrimSpace(line)
	if len(t) < minUnderscores {
		return false
	}
	for _, c := range t {
		if c != '_' {
			return false
		}
	}
	return true
}

// boxParser parses paragraphs of underscore lines into AnswerBoxes. It runs
// before the thematic-break parser, which would otherwise take "___".
type boxParser struct{}

func (boxParser) Trigger() []byte { return []byte{'_'} }

func (boxParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	if !isUnderscoreLine(line) {
		return nil, parser.NoChildren
	}
	box := &AnswerBox{Rows: 1}
	box.Lines().Append(seg)
	reader.Advance(seg.Len() - 1)
	return box, parser.NoChildren
}

func (boxParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, seg := reader.PeekLine()
	if !isUnderscoreLine(line) {
		return parser.Close
	}
	box := node.(*AnswerBox)
	box.Rows++
	box.Lines().Append(seg)
	reader.Advance(seg.Len() - 1)
	return parser.Continue | parser.NoChildren
}

func (boxParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}
func (boxParser) CanInterruptParagraph() bool                                { return true }
func (boxParser) CanAcceptIndentedLine() bool                                { return false }

// lineTransformer splits the lines of a paragraph that end in underscores
// off into FieldLines; the other lines stay paragraphs.
type lineTransformer struct{}

func (lineTransformer) Transform(para *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := para.Lines()
	source := reader.Source()
	hasField := false
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if endsInField(seg.Value(source)) {
			hasField = true
			break
		}
	}
	if !hasField {
		return
	}
	parent := para.Parent()
	var text *ast.Paragraph
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		value := seg.Value(source)
		if !endsInField(value) {
			if text == nil {
				text = ast.NewParagraph()
				parent.InsertBefore(parent, para, text)
			}
			text.Lines().Append(seg)
			continue
		}
		text = nil
		parent.InsertBefore(parent, para, fieldLine(seg, value))
	}
	parent.RemoveChild(parent, para)
}

// endsInField reports whether a paragraph line ends in a run of at least
// three underscores after some other text.
func endsInField(line []byte) bool {
	t := bytes.TrimRight(line, " \t\n")
	n := 0
	for n < len(t) && t[len(t)-1-n] == '_' {
		n++
	}
	if n < minUnderscores || n == len(t) {
		return false
	}
	// "\___" is an escaped underscore, not a field.
	return t[len(t)-1-n] != '\\'
}

// fieldLine makes a FieldLine of a line such as "Dato: ___ Sted: ___": a
// FieldItem for every run of underscores, labelled by the text before it.
func fieldLine(seg text.Segment, value []byte) *FieldLine {
	line := &FieldLine{}
	start := 0
	for i := 0; i < len(value); {
		if value[i] != '_' || (i > 0 && value[i-1] == '\\') {
			i++
			continue
		}
		j := i
		for j < len(value) && value[j] == '_' {
			j++
		}
		if j-i < minUnderscores {
			i = j
			continue
		}
		item := &FieldItem{}
		label := trimSegment(value, seg.Start, text.NewSegment(seg.Start+start, seg.Start+i))
		item.Lines().Append(label)
		line.AppendChild(line, item)
		start, i = j, j
	}
	return line
}

// trimSegment trims white space from both ends of a segment of value (which
// starts at offset base of the source).
func trimSegment(value []byte, base int, s text.Segment) text.Segment {
	for s.Start < s.Stop && util.IsSpace(value[s.Start-base]) {
		s.Start++
	}
	for s.Stop > s.Start && util.IsSpace(value[s.Stop-1-base]) {
		s.Stop--
	}
	return s
}
