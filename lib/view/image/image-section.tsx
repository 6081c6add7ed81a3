import { ImageCard } from './image-card';
import { useLiveImages } from './use-live-images';
import './image.css';

/** Logged images (Summary.Image): one strip per tag with a step slider; absent for runs that logged none. */
export function ImageSection({ runId }: { runId: string }) {
  const { byTag, loadError } = useLiveImages(runId);
  const tags = Object.keys(byTag).sort();
  if (tags.length === 0 && !loadError) return null;
  return (
    <section className="images" data-testid="images">
      <h2>Images</h2>
      {loadError && (
        <p className="alert" role="alert">
          Could not load the stored images: {loadError}. New steps still appear as they arrive.
        </p>
      )}
      {tags.map((tag) => (
        <ImageCard key={tag} runId={runId} tag={tag} images={byTag[tag]} />
      ))}
    </section>
  );
}
