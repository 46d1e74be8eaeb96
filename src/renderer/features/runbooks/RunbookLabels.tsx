/** A runbook's services (outlined in the accent colour) and #tags, as small chips. */
export function RunbookLabels({ services, tags }: { services: string[]; tags: string[] }) {
  if (services.length + tags.length === 0) return null;
  return (
    <span className="labels">
      {services.map((service) => (
        <span key={`s-${service}`} className="label label-service">
          {service}
        </span>
      ))}
      {tags.map((tag) => (
        <span key={`t-${tag}`} className="label">
          #{tag}
        </span>
      ))}
    </span>
  );
}
