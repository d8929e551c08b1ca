// A picture from the library inside the article body, stored as
// <figure data-image="ID"></figure>; the reader page draws it with its caption and credit.
// Loaded by django-prose-editor's configurable preset (see DJANGO_PROSE_EDITOR_EXTENSIONS).
import { Node } from "django-prose-editor/editor"

function libraryImage(id) {
  const data = document.getElementById("newsroom-library-images")
  const images = data ? JSON.parse(data.textContent) : {}
  return images[id]
}

export const LibraryFigure = Node.create({
  name: "libraryFigure",
  group: "block",
  atom: true,
  draggable: true,

  addAttributes() {
    return {
      image: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-image"),
        renderHTML: (attributes) => ({ "data-image": attributes.image }),
      },
    }
  },

  parseHTML() {
    return [{ tag: "figure[data-image]" }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", HTMLAttributes]
  },

  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement("figure")
      dom.className = "newsroom-library-figure"
      dom.setAttribute("data-image", node.attrs.image)
      const image = libraryImage(node.attrs.image)
      if (image && image.url) {
        const img = document.createElement("img")
        img.src = image.url
        img.alt = image.alt
        dom.append(img)
      }
      const caption = document.createElement("figcaption")
      caption.textContent = image
        ? [image.caption, image.credit_line].filter(Boolean).join(" — ")
        : `Library picture #${node.attrs.image}`
      dom.append(caption)
      return { dom }
    }
  },

  addCommands() {
    return {
      insertLibraryFigure:
        (id) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { image: String(id) } }),
    }
  },
})
